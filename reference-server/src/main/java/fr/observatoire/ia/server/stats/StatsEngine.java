package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.stats.protection.Aggregate;
import fr.observatoire.ia.server.stats.protection.Axis;
import fr.observatoire.ia.server.stats.protection.LineKind;
import fr.observatoire.ia.server.stats.protection.Protector;
import fr.observatoire.ia.server.stats.protection.Reason;
import fr.observatoire.ia.server.stats.protection.Rules;
import fr.observatoire.ia.server.stats.protection.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Answers a {@link StatsQuery}: builds the table the query belongs to, protects it, and cuts the query's cells out.
 *
 * <p>The table is not the query's answer but the one every query on the same dimensions shares: its axes are the
 * query's dimensions (breakdowns and filters alike, with the ancestors of hierarchical ones) over their whole
 * domain, and for counts that add up over time, whole quarters (or months, years) around the requested range.
 * Filters are applied after protection. So a cell has the same status whether it is asked for by a filter or found
 * in a breakdown, and two queries cannot be differenced to open a hidden cell (docs/statistics.md). Pure: no CDI, a
 * connection in, a result out.
 */
public final class StatsEngine {
    private final Referential referential;
    private final ReferenceUnits reference;
    private final Protector protector;

    public StatsEngine(Referential referential, ReferenceUnits reference, Rules rules) {
        this.referential = referential;
        this.reference = reference;
        this.protector = new Protector(rules);
    }

    public StatsResult run(Connection connection, StatsQuery query) throws SQLException {
        List<Dimension> dimensions = dimensions(query);
        boolean communes = dimensions.contains(Dimension.COMMUNE);
        TableProtection.Protected table;
        if (communes) {
            table = communeTable(connection, query, dimensions);
        } else {
            TableProtection protection = new TableProtection(connection, query.measure(), protector);
            table = protection.protect(protection.key(dimensions, query.grain(), query.from(), query.to()));
        }
        List<StatsCell> answer = cut(query, dimensions, table.cells(), table.hidden(), communes);
        int total = answer.size();
        List<StatsCell> page = answer.subList(Math.min(query.offset(), total), (int) Math.min((long) query.offset() + query.limit(), total));
        return new StatsResult(query, dimensions, List.copyOf(page), total, labels(dimensions, page));
    }

    /**
     * A table by commune holds communes only, each cell a single collectivité: every non-empty cell is hidden by the
     * first rule whatever the others, so the filters can be applied in SQL and no line needs protecting.
     */
    private TableProtection.Protected communeTable(Connection connection, StatsQuery query, List<Dimension> dimensions) throws SQLException {
        Map<List<String>, Aggregate> cells = FactQueries.aggregate(connection, new FactQueries.Slice(query.measure(), dimensions,
                query.grain(), query.from(), query.to(), query.filters(), true));
        List<Axis> axes = new ArrayList<>();
        for (Dimension d : dimensions) {
            axes.add(Axis.of(d.apiName(), LineKind.NONE));
        }
        axes.add(Axis.of("period", LineKind.NONE));
        Map<List<String>, Reason> hidden = protector.protect(new Table(axes, cells, Map.of(), query.measure().people()));
        return new TableProtection.Protected(null, cells, hidden);
    }

    /** The query's breakdowns and filters with the ancestors of hierarchical ones, in canonical order. */
    static List<Dimension> dimensions(StatsQuery query) {
        TreeSet<Dimension> all = new TreeSet<>(query.by());
        all.addAll(query.filters().keySet());
        return tableDimensions(all);
    }

    /** These dimensions with the ancestors of hierarchical ones, in canonical order: the axes of their table. */
    public static List<Dimension> tableDimensions(Collection<Dimension> query) {
        TreeSet<Dimension> dimensions = new TreeSet<>(query);
        for (Dimension d : List.copyOf(dimensions)) {
            for (Dimension a = d.parent().orElse(null); a != null; a = a.parent().orElse(null)) {
                dimensions.add(a);
            }
        }
        return List.copyOf(dimensions);
    }

    private List<StatsCell> cut(StatsQuery query, List<Dimension> dimensions, Map<List<String>, Aggregate> cells,
                                Map<List<String>, Reason> hidden, boolean communes) {
        TimeGrain grain = query.grain();
        Map<List<String>, Aggregate> kept = new LinkedHashMap<>();
        cells.forEach((key, cell) -> {
            if (inRange(query, key) && matches(query, dimensions, key)) {
                kept.put(key, cell);
            }
        });
        Map<List<String>, Integer> denominators = Map.of();
        List<Integer> unitAxes = new ArrayList<>();
        if (query.measure() == Measure.ADOPTION) {
            List<Dimension> unitDimensions = new ArrayList<>();
            for (int i = 0; i < dimensions.size(); i++) {
                if (dimensions.get(i).nature() == Dimension.Nature.UNIT) {
                    unitAxes.add(i);
                    unitDimensions.add(dimensions.get(i));
                }
            }
            denominators = reference.count(unitDimensions, query.filters(), communes);
            addZeroCells(query, dimensions, unitAxes, denominators, kept);
        }
        List<StatsCell> answer = new ArrayList<>(kept.size());
        for (Map.Entry<List<String>, Aggregate> entry : kept.entrySet()) {
            List<String> key = entry.getKey();
            Aggregate cell = entry.getValue();
            Map<Dimension, String> coordinates = new EnumMap<>(Dimension.class);
            for (int i = 0; i < dimensions.size(); i++) {
                coordinates.put(dimensions.get(i), FactQueries.NONE.equals(key.get(i)) ? null : key.get(i));
            }
            String period = key.get(key.size() - 1);
            LocalDate bucket = grain.parse(period).orElseThrow();
            Integer referentialCount = query.measure() == Measure.ADOPTION ? denominators.getOrDefault(project(key, unitAxes), 0) : null;
            Reason reason = hidden.get(key);
            if (reason != null) {
                answer.add(new StatsCell(bucket, period, coordinates, null, null, referentialCount, reason));
            } else {
                answer.add(new StatsCell(bucket, period, coordinates, value(query.measure(), cell, referentialCount), cell.units(),
                        referentialCount, null));
            }
        }
        answer.sort(Comparator.comparing(StatsCell::bucket).thenComparing(c -> sortKey(dimensions, c)));
        return answer;
    }

    private static Number value(Measure measure, Aggregate cell, Integer referentialCount) {
        if (measure != Measure.ADOPTION) {
            return cell.value();
        }
        // A collectivité registered before the referential knew it may be missing from the denominator.
        int denominator = Math.max(referentialCount == null ? 0 : referentialCount, cell.units());
        return denominator == 0 ? 0.0 : Math.round(cell.units() * 10_000.0 / denominator) / 10_000.0;
    }

    /** Adoption: a cell of the referential where nobody declared is a published 0 %, not a missing cell. */
    private static void addZeroCells(StatsQuery query, List<Dimension> dimensions, List<Integer> unitAxes,
                                     Map<List<String>, Integer> denominators, Map<List<String>, Aggregate> kept) {
        List<List<String>> itemCombinations = itemCombinations(query, dimensions, unitAxes);
        TimeGrain grain = query.grain();
        for (List<String> units : denominators.keySet()) {
            for (List<String> items : itemCombinations) {
                List<String> key = new ArrayList<>(dimensions.size() + 1);
                int u = 0;
                int it = 0;
                for (int i = 0; i < dimensions.size(); i++) {
                    key.add(unitAxes.contains(i) ? units.get(u++) : items.get(it++));
                }
                for (LocalDate b : grain.range(query.from(), query.to())) {
                    List<String> withTime = new ArrayList<>(key);
                    withTime.add(grain.format(b));
                    kept.putIfAbsent(List.copyOf(withTime), Aggregate.EMPTY);
                }
            }
        }
    }

    /** Every combination of the item dimensions' values that the filters allow (a maturity within its stage). */
    private static List<List<String>> itemCombinations(StatsQuery query, List<Dimension> dimensions, List<Integer> unitAxes) {
        List<List<String>> combinations = List.of(List.of());
        List<Dimension> items = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            if (!unitAxes.contains(i)) {
                items.add(dimensions.get(i));
            }
        }
        for (Dimension d : items) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : d.constants()) {
                    String filter = query.filters().get(d);
                    if (filter != null && !filter.equals(value) || !consistent(items, prefix, d, value)) {
                        continue;
                    }
                    List<String> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static boolean consistent(List<Dimension> items, List<String> prefix, Dimension d, String value) {
        int stage = items.indexOf(Dimension.STAGE);
        return d != Dimension.MATURITY || stage < 0 || Stage.of(Maturity.valueOf(value)).name().equals(prefix.get(stage));
    }

    private static List<String> project(List<String> key, List<Integer> axes) {
        List<String> projected = new ArrayList<>(axes.size());
        for (int i : axes) {
            projected.add(key.get(i));
        }
        return projected;
    }

    private static boolean inRange(StatsQuery query, List<String> key) {
        LocalDate bucket = query.grain().parse(key.get(key.size() - 1)).orElseThrow();
        return !bucket.isBefore(query.from()) && !bucket.isAfter(query.to());
    }

    private static boolean matches(StatsQuery query, List<Dimension> dimensions, List<String> key) {
        for (int i = 0; i < dimensions.size(); i++) {
            String filter = query.filters().get(dimensions.get(i));
            if (filter != null && !filter.equals(key.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String sortKey(List<Dimension> dimensions, StatsCell cell) {
        StringBuilder key = new StringBuilder();
        for (Dimension d : dimensions) {
            String value = cell.coordinates().get(d);
            int rank = d.territorial() || value == null ? -1 : d.constants().indexOf(value);
            key.append(value == null ? "~" : rank >= 0 ? String.format("%03d", rank) : value).append('\u0000');
        }
        return key.toString();
    }

    private Map<Dimension, Map<String, Dimension.Labels>> labels(List<Dimension> dimensions, List<StatsCell> cells) {
        Map<Dimension, Map<String, Dimension.Labels>> labels = new EnumMap<>(Dimension.class);
        for (Dimension d : dimensions) {
            Map<String, Dimension.Labels> values = new LinkedHashMap<>();
            for (StatsCell cell : cells) {
                String value = cell.coordinates().get(d);
                if (value != null && !values.containsKey(value)) {
                    values.put(value, label(d, value));
                }
            }
            labels.put(d, values);
        }
        return labels;
    }

    private Dimension.Labels label(Dimension d, String value) {
        String name = switch (d) {
            case DEPARTEMENT -> referential.departement(value).map(x -> x.name()).orElse(value);
            case EPCI -> referential.epciBySiren(value).map(x -> x.name()).orElse(value);
            case COMMUNE -> referential.communeByInsee(value).map(x -> x.name()).orElse(value);
            default -> null;
        };
        return name != null ? new Dimension.Labels(name, name) : d.label(value);
    }

}
