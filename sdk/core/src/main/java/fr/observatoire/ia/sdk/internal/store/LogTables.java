package fr.observatoire.ia.sdk.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * What the SDK knows of the observatory's transparency log: its key (C2SP verifier key), the latest signed
 * checkpoint it verified, and the evidence of any inconsistency it met.
 */
public final class LogTables {
    private LogTables() {
    }

    public static Optional<String> logKey(Connection connection) throws SQLException {
        return Optional.ofNullable(column(connection, "log_key"));
    }

    public static void saveLogKey(Connection connection, String vkey) throws SQLException {
        Rows.update(connection, "UPDATE log_state SET log_key = ? WHERE id = 1", vkey);
    }

    /** The latest verified signed checkpoint (the note text with its signatures), or empty before the first receipt. */
    public static Optional<String> checkpoint(Connection connection) throws SQLException {
        return Optional.ofNullable(column(connection, "checkpoint"));
    }

    public static void saveCheckpoint(Connection connection, String signedCheckpoint, long size, Instant now) throws SQLException {
        Rows.update(connection, "UPDATE log_state SET checkpoint = ?, tree_size = ?, verified_at = ? WHERE id = 1",
                signedCheckpoint, size, now.toEpochMilli());
    }

    /** Keeps the evidence once per presented checkpoint: the same one seen again adds nothing. */
    public static void recordInconsistency(Connection connection, String trusted, String presented, String proof, String detail,
                                           Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM log_inconsistency WHERE presented_checkpoint = ?")) {
            Rows.bind(statement, presented);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && row.getLong(1) > 0) {
                    return;
                }
            }
        }
        long id;
        try (PreparedStatement statement = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM log_inconsistency");
             ResultSet row = statement.executeQuery()) {
            row.next();
            id = row.getLong(1);
        }
        Rows.update(connection, "INSERT INTO log_inconsistency (id, detected_at, trusted_checkpoint, presented_checkpoint, proof, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, now.toEpochMilli(), trusted, presented, proof,
                detail.length() <= 2000 ? detail : detail.substring(0, 2000));
    }

    public static long inconsistencies(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM log_inconsistency");
             ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static String column(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + name + " FROM log_state WHERE id = 1");
             ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
