package fr.observatoire.ia.server.referential;

import java.util.Objects;
import java.util.Optional;

/**
 * A région (including the five DROM, whose région code is 01 to 06).
 *
 * @param code       COG code, two digits
 * @param name       name
 * @param chefLieu   COG code of its chef-lieu commune
 * @param population sum of the population municipale of its communes
 * @param siren      SIREN of the région, {@code null}: the source does not give it
 */
public record Region(String code, String name, String chefLieu, long population, String siren) implements Collectivite {

    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Kind kind() {
        return Kind.REGION;
    }

    @Override
    public Optional<String> sirenIfKnown() {
        return Optional.ofNullable(siren);
    }
}
