package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.referential.Stratum;

import java.time.Instant;

/**
 * A registered collectivité.
 *
 * @param departement  COG code of its département (its own for a département, the main one for an EPCI, the one
 *                     given at registration for a school or a syndicat); null for a région or when unknown
 * @param epciSiren    SIREN of its EPCI à fiscalité propre (its own for an EPCI); null when it belongs to none
 * @param contactEmail a functional contact address the registers publish (never an agent's); may be null
 */
public record Collectivite(String siren, DeclarantKind kind, String name, String inseeCode, String uai, Long population,
                           String departement, String epciSiren, String contactEmail, Instant registeredAt) {

    /** Its size class, or null when its population is unknown (schools, syndicats). */
    public Stratum stratum() {
        return population == null ? null : Stratum.of(population);
    }
}
