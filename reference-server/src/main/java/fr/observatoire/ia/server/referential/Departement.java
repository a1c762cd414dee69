package fr.observatoire.ia.server.referential;

import java.util.Objects;
import java.util.Optional;

/**
 * A département.
 *
 * @param code       COG code: 01 to 95, 2A, 2B, 971 to 976
 * @param name       name
 * @param region     COG code of its région
 * @param chefLieu   COG code of its chef-lieu commune
 * @param population sum of the population municipale of its communes
 * @param siren      SIREN of the département, {@code null}: the source does not give it
 */
public record Departement(String code, String name, String region, String chefLieu, long population, String siren)
        implements Collectivite {

    public Departement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
    }

    @Override
    public Kind kind() {
        return Kind.DEPARTEMENT;
    }

    @Override
    public Optional<String> sirenIfKnown() {
        return Optional.ofNullable(siren);
    }
}
