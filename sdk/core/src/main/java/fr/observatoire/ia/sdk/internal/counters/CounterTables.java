package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.sdk.internal.store.ChainTables;
import fr.observatoire.ia.sdk.internal.store.Rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Writes a checkpoint batch into the store, all in the caller's transaction. */
public final class CounterTables {
    private static final String[] ACTIVITY_KEY = {"period_start", "usage_id", "service", "action"};
    private static final String[] INCIDENT_KEY = {"period_start", "category", "severity"};
    private static final String[] LOSS_KEY = {"reason", "source"};

    private CounterTables() {
    }

    public static void write(Connection connection, LocalDate periodStart, CheckpointBatch batch, Instant now) throws SQLException {
        String period = periodStart.toString();
        for (Map.Entry<ActivityKey, Long> entry : batch.activity().entrySet()) {
            ActivityKey key = entry.getKey();
            Rows.addCount(connection, "activity_count", ACTIVITY_KEY,
                    new Object[]{period, key.usageId(), key.service().name(), key.action().name()}, entry.getValue());
        }
        for (Map.Entry<IncidentKey, Long> entry : batch.incidents().entrySet()) {
            IncidentKey key = entry.getKey();
            Rows.addCount(connection, "incident_count", INCIDENT_KEY,
                    new Object[]{period, key.category().name(), key.severity().name()}, entry.getValue());
        }
        for (Map.Entry<String, List<String>> entry : batch.agents().entrySet()) {
            writeAgents(connection, period, entry.getKey(), entry.getValue());
        }
        for (Map.Entry<LossKey, Long> entry : batch.losses().entrySet()) {
            Rows.addCount(connection, "loss", LOSS_KEY,
                    new Object[]{entry.getKey().reason().name(), entry.getKey().source()}, entry.getValue());
        }
        for (ReportedIncident incident : batch.reported()) {
            // The incident id is the host's: the same report queued twice is stored once.
            if (Rows.update(connection, "UPDATE reported_incident SET json = ? WHERE id = ?", Rows.json(incident), incident.id().toString()) == 0) {
                Rows.update(connection, "INSERT INTO reported_incident (id, json, queued_at) VALUES (?, ?, ?)",
                        incident.id().toString(), Rows.json(incident), now.toEpochMilli());
            }
        }
        long dropped = InventorySources.write(connection, batch.inventory(), batch.contributions(), now);
        if (dropped > 0) {
            Rows.addCount(connection, "loss", LOSS_KEY, new Object[]{LossReason.CARDINALITY_OVERFLOW.name(), LossKey.API}, dropped);
        }
        for (SourceReport report : batch.sources()) {
            Rows.update(connection, "DELETE FROM source_report WHERE name = ?", report.name());
            Rows.update(connection, "INSERT INTO source_report (name, json) VALUES (?, ?)", report.name(), Rows.json(report));
        }
        if (!batch.isEmpty()) {
            ChainTables.startTracking(connection, periodStart);
        }
    }

    /** Marks the period as one during which the SDK ran. */
    public static void markAlive(Connection connection, LocalDate periodStart) throws SQLException {
        Rows.update(connection, "INSERT INTO period_alive (period_start) SELECT ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM period_alive WHERE period_start = ?)", periodStart.toString(), periodStart.toString());
    }

    private static void writeAgents(Connection connection, String period, String usageId, List<String> pseudonyms)
            throws SQLException {
        long known = countAgents(connection, period, usageId);
        for (String pseudonym : pseudonyms) {
            if (known >= AgentBands.SATURATION) {
                return;
            }
            known += Rows.update(connection, "INSERT INTO agent_seen (period_start, usage_id, pseudonym) SELECT ?, ?, ?"
                            + " WHERE NOT EXISTS (SELECT 1 FROM agent_seen WHERE period_start = ? AND usage_id = ? AND pseudonym = ?)",
                    period, usageId, pseudonym, period, usageId, pseudonym);
        }
    }

    private static long countAgents(Connection connection, String period, String usageId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM agent_seen WHERE period_start = ? AND usage_id = ?")) {
            Rows.bind(statement, period, usageId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
