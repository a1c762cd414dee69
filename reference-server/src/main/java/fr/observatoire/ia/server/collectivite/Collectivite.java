package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.DeclarantKind;

import java.time.Instant;

/** A registered collectivité. */
public record Collectivite(String siren, DeclarantKind kind, String name, String inseeCode, String uai, Long population,
                           Instant registeredAt) {
}
