package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.DeclarantKind;

import java.time.Instant;

/** Answer to a registration: the collectivité, and its first enrolment code (shown only here). */
public record RegistrationResponse(String siren, DeclarantKind kind, String name, String inseeCode, String uai,
                                   String enrolmentCode, Instant enrolmentCodeExpiresAt) {
}
