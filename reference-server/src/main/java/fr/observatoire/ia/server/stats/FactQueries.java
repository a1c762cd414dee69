package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.server.stats.protection.Aggregate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The SQL of the statistics: a measure aggregated over the fact tables by some dimensions and the time bucket, in
 * two steps so that the confidentiality rules get what they need: first each collectivité's contribution to each
 * cell, then per cell the sum, the number of contributors and the largest contribution. Portable SQL (H2 and
 * PostgreSQL); dimension names come from {@link Dimension}, never from the request, and values are bound.
 */
final class FactQueries {
    /** The coordinate of a collectivité that has no value on a dimension (a département has no EPCI). */
    static final String NONE = "-";

    private static final String REFERENTIAL_KINDS = "('COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION')";

    private FactQueries() {
    }

    /**
     * What to aggregate.
     *
     * @param pushed       filters applied in SQL (only those that cannot change any other cell's protection)
     * @param communesOnly keep only communes (tables by commune are about communes)
     */
    record Slice(Measure measure, List<Dimension> dimensions, TimeGrain grain, LocalDate from, LocalDate to,
                 Map<Dimension, String> pushed, boolean communesOnly) {
    }

    /** Cells keyed by the dimensions' values ({@link #NONE} for none) followed by the bucket's name. */
    static Map<List<String>, Aggregate> aggregate(Connection connection, Slice slice) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = sql(slice, parameters);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                Map<List<String>, Aggregate> cells = new HashMap<>();
                int n = slice.dimensions().size();
                while (rows.next()) {
                    List<String> key = new ArrayList<>(n + 1);
                    for (int i = 1; i <= n; i++) {
                        String value = rows.getString(i);
                        key.add(value == null ? NONE : value);
                    }
                    key.add(slice.grain().format(rows.getObject(n + 1, LocalDate.class)));
                    cells.put(List.copyOf(key), new Aggregate(rows.getLong(n + 2), rows.getInt(n + 3), rows.getLong(n + 4)));
                }
                return cells;
            }
        }
    }

    private static String sql(Slice slice, List<Object> parameters) {
        Measure measure = slice.measure();
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner outer = new StringJoiner(", ");
        for (int i = 0; i < slice.dimensions().size(); i++) {
            columns.add(expression(measure, slice.dimensions().get(i)) + " AS c" + i);
            outer.add("c" + i);
        }
        String time = time(measure, slice.grain());
        String inner = "SELECT " + prefix(columns) + time + " AS b, f.siren, " + contribution(measure)
                + " AS v FROM " + table(measure) + " f" + joins(slice) + where(slice, parameters)
                + " GROUP BY " + prefix(columnsOnly(slice)) + time + ", f.siren";
        // A collectivité whose contribution is zero (usages without an active-agents band) is no contributor.
        return "SELECT " + prefix(outer) + "b, SUM(v), SUM(CASE WHEN v > 0 THEN 1 ELSE 0 END), MAX(v) FROM (" + inner + ") t GROUP BY "
                + prefix(outer) + "b";
    }

    private static String where(Slice slice, List<Object> parameters) {
        Measure measure = slice.measure();
        StringBuilder where = new StringBuilder(" WHERE f.grain = ? AND f.bucket >= ? AND f.bucket <= ?");
        parameters.add(storedGrain(measure, slice.grain()).code());
        parameters.add(slice.from());
        parameters.add(lastStoredBucket(measure, slice.grain(), slice.to()));
        if (measure == Measure.ADOPTION) {
            // Adoption is a share of the referential: bodies it does not list have no denominator.
            where.append(" AND f.kind IN ").append(REFERENTIAL_KINDS);
        }
        if (slice.communesOnly()) {
            where.append(" AND f.commune IS NOT NULL");
        }
        slice.pushed().forEach((dimension, value) -> {
            where.append(" AND ").append(expression(measure, dimension)).append(" = ?");
            parameters.add(value);
        });
        return where.toString();
    }

    private static String joins(Slice slice) {
        StringBuilder joins = new StringBuilder();
        for (Dimension d : bridged(slice)) {
            String alias = alias(d);
            joins.append(" JOIN stats_usage_").append(d.column()).append(' ').append(alias)
                    .append(" ON ").append(alias).append(".grain = f.grain AND ").append(alias).append(".bucket = f.bucket AND ")
                    .append(alias).append(".siren = f.siren AND ").append(alias).append(".usage_id = f.usage_id");
        }
        return joins.toString();
    }

    private static List<Dimension> bridged(Slice slice) {
        List<Dimension> bridged = new ArrayList<>();
        for (Dimension d : slice.dimensions()) {
            if (slice.measure().bridged(d)) {
                bridged.add(d);
            }
        }
        for (Dimension d : slice.pushed().keySet()) {
            if (slice.measure().bridged(d) && !bridged.contains(d)) {
                bridged.add(d);
            }
        }
        return bridged;
    }

    private static StringJoiner columnsOnly(Slice slice) {
        StringJoiner columns = new StringJoiner(", ");
        for (Dimension d : slice.dimensions()) {
            columns.add(expression(slice.measure(), d));
        }
        return columns;
    }

    private static String prefix(StringJoiner joiner) {
        return joiner.length() == 0 ? "" : joiner + ", ";
    }

    private static String expression(Measure measure, Dimension dimension) {
        return (measure.bridged(dimension) ? alias(dimension) : "f") + "." + dimension.column();
    }

    private static String alias(Dimension dimension) {
        return dimension == Dimension.OBSTACLE ? "o" : "s";
    }

    private static String table(Measure measure) {
        return switch (measure) {
            case ADOPTION, USAGES, AGENTS -> "stats_usage";
            case ACTIVITY -> "stats_activity";
            case INCIDENTS -> "stats_incident";
        };
    }

    /** Each collectivité's contribution to a cell. */
    private static String contribution(Measure measure) {
        return switch (measure) {
            case ADOPTION -> "1";
            case USAGES -> "COUNT(*)";
            case AGENTS -> "SUM(f.agents)";
            case ACTIVITY, INCIDENTS -> "SUM(f.amount)";
        };
    }

    /** Stocks are stored per grain; flows per week and per month, quarters and years being sums of months. */
    private static TimeGrain storedGrain(Measure measure, TimeGrain grain) {
        return measure.stock() || grain == TimeGrain.WEEK ? grain : TimeGrain.MONTH;
    }

    private static String time(Measure measure, TimeGrain grain) {
        if (measure.stock()) {
            return "f.bucket";
        }
        return switch (grain) {
            case WEEK, MONTH -> "f.bucket";
            case QUARTER -> "f.quarter_bucket";
            case YEAR -> "f.year_bucket";
        };
    }

    /** The last stored bucket inside the bucket {@code to} (the last month of a quarter, of a year). */
    private static LocalDate lastStoredBucket(Measure measure, TimeGrain grain, LocalDate to) {
        TimeGrain stored = storedGrain(measure, grain);
        return stored == grain ? to : grain.next(to).minusMonths(1);
    }
}
