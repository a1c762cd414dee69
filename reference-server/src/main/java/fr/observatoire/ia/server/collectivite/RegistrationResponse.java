package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.enrolment.IssuedCode;
import fr.observatoire.ia.server.referential.Stratum;

import java.time.Instant;

/**
 * Answer to a registration: the collectivité as registered (with what the referential filled in), and its first
 * enrolment code (shown only here).
 */
public record RegistrationResponse(String siren, DeclarantKind kind, String name, String inseeCode, String uai,
                                   Long population, Stratum stratum, String departement, String epciSiren, String contactEmail,
                                   String enrolmentCode, Instant enrolmentCodeExpiresAt) {

    static RegistrationResponse of(Collectivite c, IssuedCode code) {
        return new RegistrationResponse(c.siren(), c.kind(), c.name(), c.inseeCode(), c.uai(), c.population(), c.stratum(),
                c.departement(), c.epciSiren(), c.contactEmail(), code.enrolmentCode(), code.expiresAt());
    }
}
