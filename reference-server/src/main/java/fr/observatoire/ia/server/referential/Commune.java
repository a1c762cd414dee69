package fr.observatoire.ia.server.referential;

import java.util.Objects;
import java.util.Optional;

/**
 * A current commune (commune actuelle of the COG).
 *
 * @param insee       COG code, 5 characters (2A/2B for Corsica, 97x for the DROM)
 * @param siren       SIREN of the commune, 9 digits
 * @param name        official name
 * @param population  INSEE population municipale
 * @param departement COG code of its département
 * @param region      COG code of its région
 * @param epciSiren   SIREN of its EPCI à fiscalité propre, {@code null} for the few island communes outside any
 */
public record Commune(String insee, String siren, String name, long population, String departement, String region,
                      String epciSiren) implements Collectivite {

    public Commune {
        Objects.requireNonNull(insee, "insee");
        Objects.requireNonNull(siren, "siren");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(departement, "departement");
        Objects.requireNonNull(region, "region");
        if (population < 0) {
            throw new IllegalArgumentException("negative population for " + insee);
        }
    }

    public Stratum stratum() {
        return Stratum.of(population);
    }

    public Optional<String> epci() {
        return Optional.ofNullable(epciSiren);
    }

    @Override
    public Kind kind() {
        return Kind.COMMUNE;
    }

    @Override
    public String code() {
        return insee;
    }

    @Override
    public Optional<String> sirenIfKnown() {
        return Optional.of(siren);
    }
}
