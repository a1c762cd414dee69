package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.AgentBand;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.index.AcceptedDeclaration;
import fr.observatoire.ia.server.index.Recency;
import fr.observatoire.ia.server.index.Unit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The stock facts: for every grain and every bucket a declaration's period overlaps, the collectivité's usages as its
 * latest declaration there states them ({@link Recency}; stats_presence records which one it was), so that a usage
 * removed from the inventory disappears and an old period delivered late changes nothing it should not.
 *
 * <p>A chunk of declarations is first reduced to its latest declaration per bucket, the only one of the chunk that can
 * win the bucket; the stored presence of all those buckets is read with one query per grain; the buckets won are then
 * rewritten with one batched statement per table.
 */
final class StockFacts {
    private static final List<String> USAGE_TABLES = List.of("stats_usage_obstacle", "stats_usage_service", "stats_usage");

    private StockFacts() {
    }

    /** A collectivité's bucket of one grain: the key of stats_presence, and of the usage rows stated there. */
    private record BucketKey(TimeGrain grain, LocalDate bucket, String siren) {
        int bind(PreparedStatement statement, int first) throws SQLException {
            return FactColumns.bindBucket(statement, first, grain, bucket, siren);
        }
    }

    static void write(Connection connection, List<AcceptedDeclaration> declarations) throws SQLException {
        Map<BucketKey, AcceptedDeclaration> candidates = latestPerBucket(declarations);
        Map<BucketKey, Recency> stored = storedPresence(connection, candidates.keySet());
        Map<BucketKey, AcceptedDeclaration> won = new LinkedHashMap<>();
        candidates.forEach((key, candidate) -> {
            if (Recency.of(candidate).supersedes(stored.get(key))) {
                won.put(key, candidate);
            }
        });
        if (won.isEmpty()) {
            return;
        }
        recordPresence(connection, won, stored.keySet());
        deleteUsages(connection, won.keySet());
        insertUsages(connection, won);
    }

    /** The lower bound of an active-agents band: the figure the agents measure adds up (0: none declared). */
    static int lowerBound(AgentBand band) {
        if (band == null) {
            return 0;
        }
        return switch (band) {
            case FEWER_THAN_3 -> 1;
            case FROM_3_TO_10 -> 3;
            case FROM_11_TO_49 -> 11;
            case FROM_50_TO_249 -> 50;
            case AT_LEAST_250 -> 250;
        };
    }

    private static Map<BucketKey, AcceptedDeclaration> latestPerBucket(List<AcceptedDeclaration> declarations) {
        Map<BucketKey, AcceptedDeclaration> latest = new LinkedHashMap<>();
        for (AcceptedDeclaration accepted : declarations) {
            Period period = accepted.declaration().period();
            for (TimeGrain grain : TimeGrain.values()) {
                for (LocalDate bucket : grain.overlapping(period.start(), period.end())) {
                    latest.merge(new BucketKey(grain, bucket, accepted.unit().siren()), accepted, Recency::latest);
                }
            }
        }
        return latest;
    }

    /**
     * What stats_presence holds for {@code keys}. One query per grain, for every pair of the grain's buckets and
     * sirens: a superset of the keys (portable SQL has no list of tuples both databases index well), narrowed here.
     */
    private static Map<BucketKey, Recency> storedPresence(Connection connection, Set<BucketKey> keys) throws SQLException {
        Map<BucketKey, Recency> stored = new HashMap<>();
        for (TimeGrain grain : TimeGrain.values()) {
            List<LocalDate> buckets = distinct(keys, grain, BucketKey::bucket);
            List<String> sirens = distinct(keys, grain, BucketKey::siren);
            if (buckets.isEmpty()) {
                continue;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT bucket, siren, period_start, sequence FROM stats_presence"
                    + " WHERE grain = ? AND bucket IN (" + Sql.placeholders(buckets.size()) + ")"
                    + " AND siren IN (" + Sql.placeholders(sirens.size()) + ")")) {
                int next = 1;
                select.setString(next++, grain.code());
                for (LocalDate bucket : buckets) {
                    select.setObject(next++, bucket);
                }
                Sql.bindStrings(select, next, sirens);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        BucketKey key = new BucketKey(grain, rows.getObject(1, LocalDate.class), rows.getString(2));
                        if (keys.contains(key)) {
                            stored.put(key, new Recency(rows.getObject(3, LocalDate.class), rows.getLong(4)));
                        }
                    }
                }
            }
        }
        return stored;
    }

    private static <T> List<T> distinct(Set<BucketKey> keys, TimeGrain grain, Function<BucketKey, T> part) {
        return keys.stream().filter(key -> key.grain() == grain).map(part).distinct().toList();
    }

    /** Records the winners in stats_presence: an update where a row was {@code stored}, an insert elsewhere. */
    private static void recordPresence(Connection connection, Map<BucketKey, AcceptedDeclaration> won, Set<BucketKey> stored)
            throws SQLException {
        // Both statements take the same parameters in the same order.
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE stats_presence SET period_start = ?, sequence = ? WHERE grain = ? AND bucket = ? AND siren = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO stats_presence (period_start, sequence, grain, bucket, siren) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<BucketKey, AcceptedDeclaration> entry : won.entrySet()) {
                PreparedStatement statement = stored.contains(entry.getKey()) ? update : insert;
                Recency recency = Recency.of(entry.getValue());
                statement.setObject(1, recency.periodStart());
                statement.setLong(2, recency.sequence());
                entry.getKey().bind(statement, 3);
                statement.addBatch();
            }
            update.executeBatch();
            insert.executeBatch();
        }
    }

    /**
     * Deletes the usages of the buckets won. Also where no presence was stored, as indexing always did: whatever else
     * wrote usage rows there (a benchmark's bulk load) is replaced the same way.
     */
    private static void deleteUsages(Connection connection, Set<BucketKey> keys) throws SQLException {
        for (String table : USAGE_TABLES) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE grain = ? AND bucket = ? AND siren = ?")) {
                for (BucketKey key : keys) {
                    key.bind(delete, 1);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
    }

    private static void insertUsages(Connection connection, Map<BucketKey, AcceptedDeclaration> won) throws SQLException {
        try (PreparedStatement usages = connection.prepareStatement("INSERT INTO stats_usage (grain, bucket, siren, usage_id, "
                + FactColumns.UNIT + ", " + FactColumns.USAGE + ", agents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement obstacles = connection.prepareStatement(
                     "INSERT INTO stats_usage_obstacle (grain, bucket, siren, usage_id, obstacle) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement services = connection.prepareStatement(
                     "INSERT INTO stats_usage_service (grain, bucket, siren, usage_id, service) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<BucketKey, AcceptedDeclaration> entry : won.entrySet()) {
                BucketKey key = entry.getKey();
                Unit unit = entry.getValue().unit();
                Map<String, AgentBand> bands = new HashMap<>();
                for (ActiveAgents agents : entry.getValue().declaration().activeAgents()) {
                    bands.put(agents.usageId(), agents.band());
                }
                for (AiUsage usage : entry.getValue().declaration().inventory().usages()) {
                    int next = key.bind(usages, 1);
                    usages.setString(next++, usage.id());
                    next = FactColumns.bindUnit(usages, next, unit);
                    next = Sql.bindStrings(usages, next, FactColumns.usageValues(usage));
                    usages.setInt(next, lowerBound(bands.get(usage.id())));
                    usages.addBatch();
                    for (String obstacle : usage.obstacles().stream().map(Enum::name).distinct().toList()) {
                        addAttribute(obstacles, key, usage, obstacle);
                    }
                    for (String service : usage.services().stream().map(Enum::name).distinct().toList()) {
                        addAttribute(services, key, usage, service);
                    }
                }
            }
            usages.executeBatch();
            obstacles.executeBatch();
            services.executeBatch();
        }
    }

    /** A row of a multi-valued attribute of a stock usage (obstacle, service). */
    private static void addAttribute(PreparedStatement insert, BucketKey key, AiUsage usage, String value) throws SQLException {
        int next = key.bind(insert, 1);
        insert.setString(next++, usage.id());
        insert.setString(next, value);
        insert.addBatch();
    }
}
