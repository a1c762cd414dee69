package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.server.stats.protection.Aggregate;
import fr.observatoire.ia.server.stats.protection.Axis;
import fr.observatoire.ia.server.stats.protection.LineKind;
import fr.observatoire.ia.server.stats.protection.Protector;
import fr.observatoire.ia.server.stats.protection.Reason;
import fr.observatoire.ia.server.stats.protection.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Protects the table of a query, and first every coarser table its cells add up to (without one of its
 * dimensions, or at the coarser time grain for counts), so that a cell a coarser table hides stays hidden here: the
 * published cells of a line never add up to a hidden parent. Each table is protected once per request; a table
 * coarser along a unit dimension (territory, stratum, kind: each collectivité in one value) is summed from the finer
 * one instead of queried again.
 */
final class TableProtection {

    /** A table: its dimensions (canonical order, closed under ancestors), its time grain and the buckets it covers. */
    record Key(List<Dimension> dimensions, TimeGrain grain, LocalDate from, LocalDate to) {
        Key {
            dimensions = List.copyOf(dimensions);
        }
    }

    /** A protected table: its non-empty cells and the hidden ones with their reason. */
    record Protected(Key key, Map<List<String>, Aggregate> cells, Map<List<String>, Reason> hidden) {
    }

    private final Connection connection;
    private final Measure measure;
    private final Protector protector;
    private final Map<Key, Map<List<String>, Aggregate>> cells = new HashMap<>();
    private final Map<Key, Protected> tables = new HashMap<>();

    TableProtection(Connection connection, Measure measure, Protector protector) {
        this.connection = connection;
        this.measure = measure;
        this.protector = protector;
    }

    /** The buckets a table at {@code grain} must cover so that its lines over time are whole. */
    Key key(List<Dimension> dimensions, TimeGrain grain, LocalDate from, LocalDate to) {
        if (measure.timeLineKind(grain) == LineKind.NONE) {
            return new Key(dimensions, grain, from, to);
        }
        return new Key(dimensions, grain, firstSibling(grain, from), lastSibling(grain, to));
    }

    Protected protect(Key key) throws SQLException {
        Protected done = tables.get(key);
        if (done != null) {
            return done;
        }
        Map<List<String>, Aggregate> table = cells(key);
        List<Axis> axes = axes(key);
        Map<Integer, Map<List<String>, Aggregate>> parents = new HashMap<>();
        Map<Integer, Set<List<String>>> hiddenParents = new HashMap<>();
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i).lines() == LineKind.NONE) {
                continue;
            }
            boolean time = i == axes.size() - 1;
            Protected coarse = protect(time ? coarserInTime(key) : without(key, i));
            parents.put(i, lineKeyed(coarse.cells(), i, time));
            hiddenParents.put(i, lineKeyed(coarse.hidden(), i, time).keySet());
        }
        Protected protectedTable = new Protected(key, table,
                protector.protect(new Table(axes, table, parents, hiddenParents, measure.people())));
        tables.put(key, protectedTable);
        return protectedTable;
    }

    /**
     * The table's axes: its dimensions, then time. Only the deepest level of a hierarchy has lines (the lines of a
     * département's EPCI have the département as parent); for counts, the buckets of a coarser bucket form a line.
     */
    private List<Axis> axes(Key key) {
        List<Axis> axes = new ArrayList<>();
        for (Dimension d : key.dimensions()) {
            boolean hasDescendant = key.dimensions().stream().anyMatch(other -> other.parent().orElse(null) == d);
            axes.add(Axis.of(d.apiName(), hasDescendant ? LineKind.NONE : measure.lineKind(d)));
        }
        TimeGrain grain = key.grain();
        axes.add(new Axis("period", measure.timeLineKind(grain), bucket -> parentName(grain, bucket)));
        return axes;
    }

    private Map<List<String>, Aggregate> cells(Key key) throws SQLException {
        Map<List<String>, Aggregate> known = cells.get(key);
        if (known != null) {
            return known;
        }
        Map<List<String>, Aggregate> derived = derive(key);
        Map<List<String>, Aggregate> result = derived != null ? derived : FactQueries.aggregate(connection,
                new FactQueries.Slice(measure, key.dimensions(), key.grain(), key.from(), key.to(), Map.of(), false));
        cells.put(key, result);
        return result;
    }

    /** Sums a finer table along a unit dimension, when one is known: exact, since each collectivité is in one value. */
    private Map<List<String>, Aggregate> derive(Key key) {
        for (Map.Entry<Key, Map<List<String>, Aggregate>> finer : cells.entrySet()) {
            Key f = finer.getKey();
            if (!f.grain().equals(key.grain()) || !f.from().equals(key.from()) || !f.to().equals(key.to())
                    || f.dimensions().size() != key.dimensions().size() + 1 || !f.dimensions().containsAll(key.dimensions())) {
                continue;
            }
            List<Dimension> extra = new ArrayList<>(f.dimensions());
            extra.removeAll(key.dimensions());
            if (measure.lineKind(extra.get(0)) != LineKind.PARTITION) {
                continue;
            }
            int removed = f.dimensions().indexOf(extra.get(0));
            Map<List<String>, Aggregate> summed = new HashMap<>();
            finer.getValue().forEach((k, cell) -> {
                List<String> coarse = new ArrayList<>(k);
                coarse.remove(removed);
                summed.merge(List.copyOf(coarse), cell, (a, b) ->
                        new Aggregate(a.value() + b.value(), a.units() + b.units(), Math.max(a.largest(), b.largest())));
            });
            return summed;
        }
        return null;
    }

    private Key without(Key key, int axis) {
        List<Dimension> dimensions = new ArrayList<>(key.dimensions());
        dimensions.remove(axis);
        return new Key(dimensions, key.grain(), key.from(), key.to());
    }

    private Key coarserInTime(Key key) {
        TimeGrain parent = key.grain().parent().orElseThrow();
        return key(key.dimensions(), parent, parent.start(key.from()), parent.start(key.to()));
    }

    /** A coarser table's cells keyed like the lines of axis {@code axis} of the finer one. */
    private static <T> Map<List<String>, T> lineKeyed(Map<List<String>, T> coarse, int axis, boolean time) {
        if (time) {
            return coarse;
        }
        Map<List<String>, T> keyed = new HashMap<>();
        coarse.forEach((key, value) -> {
            List<String> line = new ArrayList<>(key);
            line.add(axis, Table.ALL);
            keyed.put(List.copyOf(line), value);
        });
        return keyed;
    }

    static String parentName(TimeGrain grain, String bucket) {
        LocalDate day = grain.parse(bucket).orElseThrow();
        return grain.parent().map(p -> p.format(grain.parentBucket(day))).orElse(Table.ALL);
    }

    /** The first bucket that adds into the same parent bucket as {@code bucket}. */
    static LocalDate firstSibling(TimeGrain grain, LocalDate bucket) {
        LocalDate first = bucket;
        LocalDate parent = grain.parentBucket(bucket);
        while (grain.parentBucket(grain.minus(first, 1)).equals(parent)) {
            first = grain.minus(first, 1);
        }
        return first;
    }

    static LocalDate lastSibling(TimeGrain grain, LocalDate bucket) {
        LocalDate last = bucket;
        LocalDate parent = grain.parentBucket(bucket);
        while (grain.parentBucket(grain.next(last)).equals(parent)) {
            last = grain.next(last);
        }
        return last;
    }
}
