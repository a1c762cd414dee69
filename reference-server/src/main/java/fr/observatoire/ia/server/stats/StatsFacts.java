package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.AgentBand;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.server.index.AcceptedDeclaration;
import fr.observatoire.ia.server.index.IndexSink;
import fr.observatoire.ia.server.index.Unit;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the statistics' facts of an accepted declaration (see V3__statistics_and_register.sql).
 *
 * <p>Stocks: for every grain and every bucket the declaration's period overlaps, the declaration replaces the
 * collectivité's usages of that bucket if it is the latest one seen there (by period start, then sequence), so
 * that a usage removed from the inventory disappears and an old period delivered late changes nothing it should
 * not. Flows: its counts are added to the week and the month of its period's first day.
 */
@ApplicationScoped
public class StatsFacts implements IndexSink {
    private static final String UNIT_COLUMNS = "departement, epci, commune, stratum, kind";
    private static final String USAGE_COLUMNS = "purpose, maturity, stage, governance, hosting, ai_act, publication";

    @Override
    public void index(Connection connection, AcceptedDeclaration accepted) throws SQLException {
        Declaration declaration = accepted.declaration();
        for (TimeGrain grain : TimeGrain.values()) {
            for (LocalDate bucket : grain.overlapping(declaration.period().start(), declaration.period().end())) {
                if (isLatest(connection, grain, bucket, accepted)) {
                    replaceUsages(connection, grain, bucket, accepted);
                }
            }
        }
        LocalDate start = declaration.period().start();
        for (TimeGrain grain : List.of(TimeGrain.WEEK, TimeGrain.MONTH)) {
            LocalDate bucket = grain.start(start);
            addActivity(connection, grain, bucket, accepted);
            addIncidents(connection, grain, bucket, accepted);
        }
    }

    /** Records the declaration as the bucket's latest if it is; false when a later one is already there. */
    private static boolean isLatest(Connection connection, TimeGrain grain, LocalDate bucket, AcceptedDeclaration accepted) throws SQLException {
        Declaration d = accepted.declaration();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT period_start, sequence FROM stats_presence WHERE grain = ? AND bucket = ? AND siren = ?")) {
            bindBucket(select, grain, bucket, accepted.unit().siren());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    LocalDate start = rows.getObject(1, LocalDate.class);
                    int order = start.compareTo(d.period().start());
                    if (order > 0 || order == 0 && rows.getLong(2) >= d.sequence()) {
                        return false;
                    }
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE stats_presence SET period_start = ?, sequence = ? WHERE grain = ? AND bucket = ? AND siren = ?")) {
                        update.setObject(1, d.period().start());
                        update.setLong(2, d.sequence());
                        update.setString(3, grain.code());
                        update.setObject(4, bucket);
                        update.setString(5, accepted.unit().siren());
                        update.executeUpdate();
                    }
                    return true;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO stats_presence (grain, bucket, siren, period_start, sequence) VALUES (?, ?, ?, ?, ?)")) {
            bindBucket(insert, grain, bucket, accepted.unit().siren());
            insert.setObject(4, d.period().start());
            insert.setLong(5, d.sequence());
            insert.executeUpdate();
        }
        return true;
    }

    private static void replaceUsages(Connection connection, TimeGrain grain, LocalDate bucket, AcceptedDeclaration accepted) throws SQLException {
        Unit unit = accepted.unit();
        for (String table : List.of("stats_usage_obstacle", "stats_usage_service", "stats_usage")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE grain = ? AND bucket = ? AND siren = ?")) {
                bindBucket(delete, grain, bucket, unit.siren());
                delete.executeUpdate();
            }
        }
        Declaration d = accepted.declaration();
        Map<String, AgentBand> bands = new HashMap<>();
        for (ActiveAgents agents : d.activeAgents()) {
            bands.put(agents.usageId(), agents.band());
        }
        try (PreparedStatement usages = connection.prepareStatement("INSERT INTO stats_usage (grain, bucket, siren, usage_id, "
                + UNIT_COLUMNS + ", " + USAGE_COLUMNS + ", agents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement obstacles = connection.prepareStatement(
                     "INSERT INTO stats_usage_obstacle (grain, bucket, siren, usage_id, obstacle) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement services = connection.prepareStatement(
                     "INSERT INTO stats_usage_service (grain, bucket, siren, usage_id, service) VALUES (?, ?, ?, ?, ?)")) {
            for (AiUsage usage : d.inventory().usages()) {
                bindBucket(usages, grain, bucket, unit.siren());
                usages.setString(4, usage.id());
                int next = bindUnit(usages, 5, unit);
                next = bindUsage(usages, next, usage);
                usages.setInt(next, lowerBound(bands.get(usage.id())));
                usages.addBatch();
                for (var obstacle : usage.obstacles().stream().distinct().toList()) {
                    bindBucket(obstacles, grain, bucket, unit.siren());
                    obstacles.setString(4, usage.id());
                    obstacles.setString(5, obstacle.name());
                    obstacles.addBatch();
                }
                for (var service : usage.services().stream().distinct().toList()) {
                    bindBucket(services, grain, bucket, unit.siren());
                    services.setString(4, usage.id());
                    services.setString(5, service.name());
                    services.addBatch();
                }
            }
            usages.executeBatch();
            obstacles.executeBatch();
            services.executeBatch();
        }
    }

    /** One activity row per usage, service and kind of action, with the usage's attributes in this declaration. */
    private static void addActivity(Connection connection, TimeGrain grain, LocalDate bucket, AcceptedDeclaration accepted) throws SQLException {
        Declaration d = accepted.declaration();
        Map<List<String>, Long> totals = new LinkedHashMap<>();
        for (ActivityCount count : d.activity()) {
            if (count.count() > 0) {
                totals.merge(List.of(count.usageId(), count.service().name(), count.action().name()), count.count(), Long::sum);
            }
        }
        for (Map.Entry<List<String>, Long> total : totals.entrySet()) {
            AiUsage usage = d.inventory().usage(total.getKey().get(0)).orElseThrow();
            String match = "grain = ? AND bucket = ? AND siren = ? AND usage_id = ? AND service = ? AND action = ? AND purpose = ?"
                    + " AND maturity = ? AND stage = ? AND governance = ? AND hosting = ? AND ai_act = ? AND publication = ?";
            try (PreparedStatement update = connection.prepareStatement("UPDATE stats_activity SET amount = amount + ? WHERE " + match)) {
                update.setLong(1, total.getValue());
                bindActivityKey(update, 2, grain, bucket, accepted.unit().siren(), total.getKey(), usage);
                if (update.executeUpdate() > 0) {
                    continue;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stats_activity (grain, bucket, siren, usage_id, service,"
                    + " action, " + USAGE_COLUMNS + ", quarter_bucket, year_bucket, " + UNIT_COLUMNS + ", amount)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int next = bindActivityKey(insert, 1, grain, bucket, accepted.unit().siren(), total.getKey(), usage);
                insert.setObject(next++, TimeGrain.QUARTER.start(bucket));
                insert.setObject(next++, TimeGrain.YEAR.start(bucket));
                next = bindUnit(insert, next, accepted.unit());
                insert.setLong(next, total.getValue());
                insert.executeUpdate();
            }
        }
    }

    /**
     * Incidents per category and severity: the declared count, or the number of individually reported ones when
     * that is larger (a report may or may not be among the counts; counting the larger never counts one twice).
     */
    private static void addIncidents(Connection connection, TimeGrain grain, LocalDate bucket, AcceptedDeclaration accepted) throws SQLException {
        Map<List<String>, long[]> byKind = new LinkedHashMap<>();
        for (IncidentCount count : accepted.declaration().incidents().counts()) {
            byKind.computeIfAbsent(key(count.category(), count.severity()), k -> new long[2])[0] += count.count();
        }
        for (ReportedIncident reported : accepted.declaration().incidents().reported()) {
            byKind.computeIfAbsent(key(reported.category(), reported.severity()), k -> new long[2])[1]++;
        }
        for (Map.Entry<List<String>, long[]> entry : byKind.entrySet()) {
            long count = Math.max(entry.getValue()[0], entry.getValue()[1]);
            if (count == 0) {
                continue;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE stats_incident SET amount = amount + ?"
                    + " WHERE grain = ? AND bucket = ? AND siren = ? AND category = ? AND severity = ?")) {
                update.setLong(1, count);
                update.setString(2, grain.code());
                update.setObject(3, bucket);
                update.setString(4, accepted.unit().siren());
                update.setString(5, entry.getKey().get(0));
                update.setString(6, entry.getKey().get(1));
                if (update.executeUpdate() > 0) {
                    continue;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stats_incident (grain, bucket, siren, category, severity,"
                    + " quarter_bucket, year_bucket, " + UNIT_COLUMNS + ", amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindBucket(insert, grain, bucket, accepted.unit().siren());
                insert.setString(4, entry.getKey().get(0));
                insert.setString(5, entry.getKey().get(1));
                insert.setObject(6, TimeGrain.QUARTER.start(bucket));
                insert.setObject(7, TimeGrain.YEAR.start(bucket));
                int next = bindUnit(insert, 8, accepted.unit());
                insert.setLong(next, count);
                insert.executeUpdate();
            }
        }
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

    private static List<String> key(IncidentCategory category, Severity severity) {
        return List.of(category.name(), severity.name());
    }

    private static void bindBucket(PreparedStatement statement, TimeGrain grain, LocalDate bucket, String siren) throws SQLException {
        statement.setString(1, grain.code());
        statement.setObject(2, bucket);
        statement.setString(3, siren);
    }

    private static int bindActivityKey(PreparedStatement statement, int first, TimeGrain grain, LocalDate bucket, String siren,
                                       List<String> key, AiUsage usage) throws SQLException {
        int next = first;
        statement.setString(next++, grain.code());
        statement.setObject(next++, bucket);
        statement.setString(next++, siren);
        for (String part : key) {
            statement.setString(next++, part);
        }
        return bindUsage(statement, next, usage);
    }

    private static int bindUnit(PreparedStatement statement, int first, Unit unit) throws SQLException {
        int next = first;
        statement.setString(next++, unit.departement());
        statement.setString(next++, unit.epci());
        statement.setString(next++, unit.commune());
        statement.setString(next++, unit.stratum() == null ? null : unit.stratum().name());
        statement.setString(next++, unit.kind().name());
        return next;
    }

    private static int bindUsage(PreparedStatement statement, int first, AiUsage usage) throws SQLException {
        List<String> values = new ArrayList<>(List.of(usage.purpose().name(), usage.maturity().name(), Stage.of(usage.maturity()).name(),
                usage.governance().name(), usage.hosting().name(), usage.aiAct().riskClass().name(), usage.publication().name()));
        int next = first;
        for (String value : values) {
            statement.setString(next++, value);
        }
        return next;
    }
}
