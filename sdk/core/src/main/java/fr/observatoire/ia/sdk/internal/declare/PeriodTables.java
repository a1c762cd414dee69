package fr.observatoire.ia.sdk.internal.declare;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.sdk.internal.counters.ActivityKey;
import fr.observatoire.ia.sdk.internal.counters.IncidentKey;
import fr.observatoire.ia.sdk.internal.counters.LossKey;
import fr.observatoire.ia.sdk.internal.store.Rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and deletes what a declaration takes from the store.
 *
 * <p>A period takes every undeclared row that starts before its end, not only its own rows: counts that a
 * checkpoint attributed to an earlier period (the last seconds before a boundary, or periods of another kind
 * after a WEEK/MONTH change) are swept into the next declaration instead of being stranded. Losses, reported
 * incidents and source reports are not per period: the next declaration takes all of them.
 */
public final class PeriodTables {
    private PeriodTables() {
    }

    static PeriodData read(Connection connection, Period period) throws SQLException {
        String end = period.end().toString();
        Map<ActivityKey, Long> activity = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT usage_id, service, action, SUM(count)"
                + " FROM activity_count WHERE period_start < ? GROUP BY usage_id, service, action")) {
            Rows.bind(statement, end);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    activity.put(new ActivityKey(rows.getString(1), Service.valueOf(rows.getString(2)),
                            ActionKind.valueOf(rows.getString(3))), rows.getLong(4));
                }
            }
        }
        Map<IncidentKey, Long> incidents = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT category, severity, SUM(count)"
                + " FROM incident_count WHERE period_start < ? GROUP BY category, severity")) {
            Rows.bind(statement, end);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    incidents.put(new IncidentKey(IncidentCategory.valueOf(rows.getString(1)),
                            Severity.valueOf(rows.getString(2))), rows.getLong(3));
                }
            }
        }
        Map<String, Long> agents = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT usage_id, COUNT(DISTINCT pseudonym)"
                + " FROM agent_seen WHERE period_start < ? GROUP BY usage_id")) {
            Rows.bind(statement, end);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    agents.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return new PeriodData(activity, incidents, agents, losses(connection), reported(connection), sources(connection),
                alive(connection, period));
    }

    /** Losses waiting for the next declaration. */
    public static Map<LossKey, Long> losses(Connection connection) throws SQLException {
        Map<LossKey, Long> losses = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT reason, source, count FROM loss");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                losses.put(new LossKey(LossReason.valueOf(rows.getString(1)), rows.getString(2)), rows.getLong(3));
            }
        }
        return losses;
    }

    private static List<ReportedIncident> reported(Connection connection) throws SQLException {
        List<ReportedIncident> reported = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT json FROM reported_incident ORDER BY queued_at, id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reported.add(Rows.fromJson(rows.getString(1), ReportedIncident.class));
            }
        }
        return reported;
    }

    private static List<SourceReport> sources(Connection connection) throws SQLException {
        List<SourceReport> sources = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT json FROM source_report ORDER BY name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sources.add(Rows.fromJson(rows.getString(1), SourceReport.class));
            }
        }
        return sources;
    }

    private static boolean alive(Connection connection, Period period) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM period_alive WHERE period_start >= ? AND period_start < ?")) {
            Rows.bind(statement, period.start().toString(), period.end().toString());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    /** Deletes what the declaration of {@code period} took: in the transaction that queues it. */
    static void deleteDeclared(Connection connection, Period period) throws SQLException {
        String end = period.end().toString();
        Rows.update(connection, "DELETE FROM activity_count WHERE period_start < ?", end);
        Rows.update(connection, "DELETE FROM incident_count WHERE period_start < ?", end);
        Rows.update(connection, "DELETE FROM agent_seen WHERE period_start < ?", end);
        Rows.update(connection, "DELETE FROM period_alive WHERE period_start < ?", end);
        Rows.update(connection, "DELETE FROM loss");
        Rows.update(connection, "DELETE FROM reported_incident");
        Rows.update(connection, "DELETE FROM source_report");
    }
}
