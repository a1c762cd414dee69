package fr.observatoire.ia.server.referential;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An EPCI à fiscalité propre (intercommunalité).
 *
 * @param siren        SIREN, which is also its code
 * @param name         name as the DGCL writes it (abbreviated: "CA de la Riviera Française")
 * @param type         legal form
 * @param population   sum of the population municipale of its member communes
 * @param departement  main département: the one holding the largest share of its population (the source
 *                     does not give the seat)
 * @param departements every département where it has member communes, sorted
 * @param memberCount  number of member communes
 */
public record Epci(String siren, String name, EpciType type, long population, String departement,
                   List<String> departements, int memberCount) implements Collectivite {

    public Epci {
        Objects.requireNonNull(siren, "siren");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(departement, "departement");
        departements = List.copyOf(departements);
    }

    public Stratum stratum() {
        return Stratum.of(population);
    }

    @Override
    public Kind kind() {
        return Kind.EPCI;
    }

    @Override
    public String code() {
        return siren;
    }

    @Override
    public Optional<String> sirenIfKnown() {
        return Optional.of(siren);
    }
}
