package fr.observatoire.ia.sdk.internal.plugins;

import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.sdk.internal.store.Rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Table {@code plugin_state}: each pull plugin's cursor, written in the transaction that adds the counts it
 * produced, with the health that the status shows across restarts. Also reads the plugin's report of the
 * period so far ({@code source_report}), which each pull extends.
 */
final class PluginStateTables {
    private PluginStateTables() {
    }

    /**
     * @param cursor              where the next pull starts, null before the first success
     * @param consecutiveFailures failed pulls since the last success
     */
    record StoredState(String cursor, Instant lastSuccess, Instant lastFailure, String lastProblem,
                       int consecutiveFailures, long lastRecords) {
        static final StoredState NONE = new StoredState(null, null, null, null, 0, 0);
    }

    static StoredState read(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pull_cursor, last_success, last_failure,"
                + " last_problem, consecutive_failures, last_records FROM plugin_state WHERE name = ?")) {
            Rows.bind(statement, name);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return StoredState.NONE;
                }
                return new StoredState(row.getString(1), instant(row, 2), instant(row, 3), row.getString(4), row.getInt(5),
                        row.getLong(6));
            }
        }
    }

    /** A committed pull: the new cursor (null keeps the old one), its time and size; failures are reset. */
    static void saveSuccess(Connection connection, String name, String cursor, long records, Instant now) throws SQLException {
        ensureRow(connection, name);
        if (cursor != null) {
            Rows.update(connection, "UPDATE plugin_state SET pull_cursor = ? WHERE name = ?", cursor, name);
        }
        Rows.update(connection, "UPDATE plugin_state SET last_success = ?, last_records = ?, consecutive_failures = 0"
                + " WHERE name = ?", now.toEpochMilli(), records, name);
    }

    /** A failed pull: the cursor is left alone. @return the failures since the last success, this one included */
    static int saveFailure(Connection connection, String name, String problem, Instant now) throws SQLException {
        ensureRow(connection, name);
        Rows.update(connection, "UPDATE plugin_state SET last_failure = ?, last_problem = ?,"
                + " consecutive_failures = consecutive_failures + 1 WHERE name = ?", now.toEpochMilli(), problem, name);
        return read(connection, name).consecutiveFailures();
    }

    /** The plugin's report in the declaration being prepared, if it made one since the last declaration. */
    static Optional<SourceReport> report(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT json FROM source_report WHERE name = ?")) {
            Rows.bind(statement, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(Rows.fromJson(row.getString(1), SourceReport.class)) : Optional.empty();
            }
        }
    }

    /** Withdraws the "no successful pull" loss once a pull succeeds in the period. */
    static void clearSourceFailure(Connection connection, String name) throws SQLException {
        Rows.update(connection, "DELETE FROM loss WHERE reason = ? AND source = ?", LossReason.SOURCE_FAILURE.name(), name);
    }

    private static void ensureRow(Connection connection, String name) throws SQLException {
        Rows.update(connection, "INSERT INTO plugin_state (name, consecutive_failures, last_records) SELECT ?, 0, 0"
                + " WHERE NOT EXISTS (SELECT 1 FROM plugin_state WHERE name = ?)", name, name);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
