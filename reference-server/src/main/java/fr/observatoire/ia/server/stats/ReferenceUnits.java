package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.referential.Stratum;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every collectivité of the referential as a statistical unit (communes, EPCI, départements, régions), placed as
 * {@link fr.observatoire.ia.server.index.UnitResolver} places a declarant: the denominators of adoption rates,
 * registered or not.
 */
public final class ReferenceUnits {
    private final List<Map<Dimension, String>> units;

    public ReferenceUnits(Referential referential) {
        List<Map<Dimension, String>> all = new ArrayList<>();
        referential.communes().forEach(c -> all.add(unit(c.departement(), c.epciSiren(), c.insee(), c.stratum(), DeclarantKind.COMMUNE)));
        referential.epcis().forEach(e -> all.add(unit(e.departement(), e.siren(), null, e.stratum(), DeclarantKind.EPCI)));
        referential.departements().forEach(d -> all.add(unit(d.code(), null, null, Stratum.of(d.population()), DeclarantKind.DEPARTEMENT)));
        referential.regions().forEach(r -> all.add(unit(null, null, null, Stratum.of(r.population()), DeclarantKind.REGION)));
        this.units = List.copyOf(all);
    }

    /**
     * How many units of the referential fall in each combination of values of {@code dimensions} (unit dimensions
     * only), among those matching {@code filters} on unit dimensions; keyed like the statistics' cells.
     */
    public Map<List<String>, Integer> count(List<Dimension> dimensions, Map<Dimension, String> filters, boolean communesOnly) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (Map<Dimension, String> unit : units) {
            if (communesOnly && unit.get(Dimension.COMMUNE).equals(FactQueries.NONE) || !matches(unit, filters)) {
                continue;
            }
            List<String> key = new ArrayList<>(dimensions.size());
            for (Dimension d : dimensions) {
                key.add(unit.get(d));
            }
            counts.merge(List.copyOf(key), 1, Integer::sum);
        }
        return counts;
    }

    private static boolean matches(Map<Dimension, String> unit, Map<Dimension, String> filters) {
        for (Map.Entry<Dimension, String> filter : filters.entrySet()) {
            if (filter.getKey().nature() == Dimension.Nature.UNIT && !filter.getValue().equals(unit.get(filter.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<Dimension, String> unit(String departement, String epci, String commune, Stratum stratum, DeclarantKind kind) {
        Map<Dimension, String> unit = new EnumMap<>(Dimension.class);
        unit.put(Dimension.DEPARTEMENT, orNone(departement));
        unit.put(Dimension.EPCI, orNone(epci));
        unit.put(Dimension.COMMUNE, orNone(commune));
        unit.put(Dimension.STRATUM, stratum.name());
        unit.put(Dimension.KIND, kind.name());
        return unit;
    }

    private static String orNone(String value) {
        return value == null ? FactQueries.NONE : value;
    }
}
