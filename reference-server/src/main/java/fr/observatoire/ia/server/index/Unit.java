package fr.observatoire.ia.server.index;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.referential.Stratum;

/**
 * A declarant as the statistics see it: the cell coordinates that come from the collectivité rather than from
 * what it declared. Copied into every fact row, so that statistics never join.
 *
 * @param departement COG code of its département (main one for an EPCI), null for a région
 * @param epci        SIREN of its EPCI à fiscalité propre (its own for an EPCI), null when none
 * @param commune     INSEE code when it is a commune, else null
 * @param stratum     size class from the referential's population, null when unknown (schools, syndicats)
 */
public record Unit(String siren, DeclarantKind kind, String name, String departement, String epci, String commune,
                   Stratum stratum) {
}
