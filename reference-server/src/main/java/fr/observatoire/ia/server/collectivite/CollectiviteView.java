package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.DeclarantKind;

import java.time.Instant;

/** A registered collectivité as anyone may see it: public identifiers, and whether it can declare yet. */
public record CollectiviteView(String siren, DeclarantKind kind, String name, String inseeCode, String uai, Long population,
                               Instant registeredAt, boolean enrolled) {
}
