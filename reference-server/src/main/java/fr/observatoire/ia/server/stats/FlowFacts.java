package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.index.AcceptedDeclaration;
import fr.observatoire.ia.server.index.Unit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The flow facts (stats_activity, stats_incident): a declaration's counts, added to the week and the month of its
 * period's first day.
 *
 * <p>A chunk of declarations is first added up in memory, one total per row; then one batched update adds every total
 * to its row, and one batched insert creates the rows the update did not find. Plain SQL both databases run: no
 * vendor upsert (MERGE, ON CONFLICT).
 */
final class FlowFacts {
    private static final List<TimeGrain> GRAINS = List.of(TimeGrain.WEEK, TimeGrain.MONTH);
    /** Actions per usage, service and kind of action, with the usage's attributes as the declaration states them. */
    private static final Table ACTIVITY = new Table("stats_activity",
            Stream.concat(Stream.of("usage_id", "service", "action"), FactColumns.USAGE_COLUMNS.stream()).toList());
    private static final Table INCIDENTS = new Table("stats_incident", List.of("category", "severity"));

    private FlowFacts() {
    }

    /** A row of a flow table: grain, bucket and siren, then the values of the table's other key columns. */
    private record RowKey(TimeGrain grain, LocalDate bucket, String siren, List<String> values) {
        int bind(PreparedStatement statement, int first) throws SQLException {
            int next = FactColumns.bindBucket(statement, first, grain, bucket, siren);
            return Sql.bindStrings(statement, next, values);
        }
    }

    /**
     * What a chunk adds to a row, and the unit of its first declaration that adds to it: the one whose coordinates a
     * new row gets, as when declarations are indexed one by one.
     */
    private record Total(Unit unit, long amount) {
        Total plus(Total later) {
            return new Total(unit, amount + later.amount);
        }
    }

    static void add(Connection connection, List<AcceptedDeclaration> declarations) throws SQLException {
        Map<RowKey, Total> activity = new LinkedHashMap<>();
        Map<RowKey, Total> incidents = new LinkedHashMap<>();
        for (AcceptedDeclaration accepted : declarations) {
            for (TimeGrain grain : GRAINS) {
                LocalDate bucket = grain.start(accepted.declaration().period().start());
                addActivity(accepted, grain, bucket, activity);
                addIncidents(accepted, grain, bucket, incidents);
            }
        }
        ACTIVITY.add(connection, activity);
        INCIDENTS.add(connection, incidents);
    }

    private static void addActivity(AcceptedDeclaration accepted, TimeGrain grain, LocalDate bucket, Map<RowKey, Total> totals) {
        Declaration d = accepted.declaration();
        for (ActivityCount count : d.activity()) {
            if (count.count() <= 0) {
                continue;
            }
            AiUsage usage = d.inventory().usage(count.usageId()).orElseThrow();
            List<String> values = Stream.concat(Stream.of(count.usageId(), count.service().name(), count.action().name()),
                    FactColumns.usageValues(usage).stream()).toList();
            totals.merge(new RowKey(grain, bucket, accepted.unit().siren(), values), new Total(accepted.unit(), count.count()), Total::plus);
        }
    }

    /**
     * Incidents per category and severity: the declared count, or the number of individually reported ones when
     * that is larger (a report may or may not be among the counts; counting the larger never counts one twice).
     */
    private static void addIncidents(AcceptedDeclaration accepted, TimeGrain grain, LocalDate bucket, Map<RowKey, Total> totals) {
        Map<List<String>, Long> declared = new LinkedHashMap<>();
        for (IncidentCount count : accepted.declaration().incidents().counts()) {
            declared.merge(List.of(count.category().name(), count.severity().name()), count.count(), Long::sum);
        }
        Map<List<String>, Long> reported = accepted.declaration().incidents().reported().stream()
                .collect(Collectors.groupingBy(r -> List.of(r.category().name(), r.severity().name()), LinkedHashMap::new,
                        Collectors.counting()));
        Map<List<String>, Long> larger = new LinkedHashMap<>(declared);
        reported.forEach((kind, count) -> larger.merge(kind, count, Math::max));
        larger.forEach((kind, count) -> {
            if (count > 0) {
                totals.merge(new RowKey(grain, bucket, accepted.unit().siren(), kind), new Total(accepted.unit(), count), Total::plus);
            }
        });
    }

    /** A flow table, keyed by grain, bucket, siren and {@code keyColumns}, whose {@code amount} adds up. */
    private record Table(String name, List<String> keyColumns) {

        void add(Connection connection, Map<RowKey, Total> totals) throws SQLException {
            if (totals.isEmpty()) {
                return;
            }
            List<Map.Entry<RowKey, Total>> rows = List.copyOf(totals.entrySet());
            int[] counts;
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + name + " SET amount = amount + ? WHERE " + match())) {
                for (Map.Entry<RowKey, Total> row : rows) {
                    update.setLong(1, row.getValue().amount());
                    row.getKey().bind(update, 2);
                    update.addBatch();
                }
                counts = update.executeBatch();
            }
            List<Map.Entry<RowKey, Total>> missing = notUpdated(connection, rows, counts);
            if (missing.isEmpty()) {
                return;
            }
            List<String> columns = Stream.of(FactColumns.BUCKET_COLUMNS, keyColumns, List.of("quarter_bucket", "year_bucket"),
                    FactColumns.UNIT_COLUMNS, List.of("amount")).flatMap(List::stream).toList();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + name + " (" + String.join(", ", columns)
                    + ") VALUES (" + Sql.placeholders(columns.size()) + ")")) {
                for (Map.Entry<RowKey, Total> row : missing) {
                    RowKey key = row.getKey();
                    int next = key.bind(insert, 1);
                    insert.setObject(next++, TimeGrain.QUARTER.start(key.bucket()));
                    insert.setObject(next++, TimeGrain.YEAR.start(key.bucket()));
                    next = FactColumns.bindUnit(insert, next, row.getValue().unit());
                    insert.setLong(next, row.getValue().amount());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private String match() {
            return Stream.concat(FactColumns.BUCKET_COLUMNS.stream(), keyColumns.stream()).map(column -> column + " = ?")
                    .collect(Collectors.joining(" AND "));
        }

        /**
         * The rows the batched update found nothing to add to. A driver may answer {@link Statement#SUCCESS_NO_INFO}
         * instead of a row's count (neither H2 nor PostgreSQL does for updates, but that is not promised): such a row
         * is looked up, since an update of amounts leaves a row there exactly when it was there.
         */
        private List<Map.Entry<RowKey, Total>> notUpdated(Connection connection, List<Map.Entry<RowKey, Total>> rows, int[] counts)
                throws SQLException {
            if (counts.length != rows.size()) {
                throw new SQLException(rows.size() + " batched updates of " + name + " answered " + counts.length + " counts");
            }
            List<Map.Entry<RowKey, Total>> missing = new ArrayList<>();
            List<Map.Entry<RowKey, Total>> unknown = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missing.add(rows.get(i));
                } else if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    unknown.add(rows.get(i));
                } else if (counts[i] < 0) {
                    throw new SQLException("a batched update of " + name + " failed (count " + counts[i] + ")");
                }
            }
            if (unknown.isEmpty()) {
                return missing;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + name + " WHERE " + match())) {
                for (Map.Entry<RowKey, Total> row : unknown) {
                    row.getKey().bind(select, 1);
                    try (ResultSet found = select.executeQuery()) {
                        if (!found.next()) {
                            missing.add(row);
                        }
                    }
                }
            }
            return missing;
        }
    }
}
