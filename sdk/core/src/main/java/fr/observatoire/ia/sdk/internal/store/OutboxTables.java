package fr.observatoire.ia.sdk.internal.store;

import fr.observatoire.ia.protocol.messages.Receipt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox and the receipts. A SENT declaration keeps its JWS next to its receipt: both are small and are the
 * collectivité's evidence of what it declared and that the observatory acknowledged it.
 */
public final class OutboxTables {
    private static final String COLUMNS = "declaration_id, sequence, period_start, payload_hash, jws, state, attempts";
    private static final String READ_COLUMNS = COLUMNS + ", previous_jws";

    private OutboxTables() {
    }

    public static void insert(Connection connection, OutboxEntry entry, Instant now) throws SQLException {
        Rows.update(connection, "INSERT INTO outbox (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                entry.declarationId().toString(), entry.sequence(), entry.periodStart(), entry.payloadHash(), entry.jws(),
                entry.state().name(), entry.attempts(), now.toEpochMilli());
    }

    /** The pending declaration with the lowest sequence: declarations go in chain order. */
    public static Optional<OutboxEntry> nextPending(Connection connection) throws SQLException {
        List<OutboxEntry> entries = query(connection, "SELECT " + READ_COLUMNS + " FROM outbox WHERE state = ? ORDER BY sequence LIMIT 1",
                OutboxEntry.State.PENDING.name());
        return entries.stream().findFirst();
    }

    public static List<OutboxEntry> all(Connection connection) throws SQLException {
        return query(connection, "SELECT " + READ_COLUMNS + " FROM outbox ORDER BY sequence");
    }

    public static List<OutboxEntry> pending(Connection connection) throws SQLException {
        return query(connection, "SELECT " + READ_COLUMNS + " FROM outbox WHERE state = ? ORDER BY sequence",
                OutboxEntry.State.PENDING.name());
    }

    public static Optional<OutboxEntry> find(Connection connection, UUID id) throws SQLException {
        return query(connection, "SELECT " + READ_COLUMNS + " FROM outbox WHERE declaration_id = ?", id.toString()).stream().findFirst();
    }

    /**
     * Replaces the signature of a pending declaration (same payload, so same declaration hash and chain), keeping
     * the previous JWS: a receipt may prove the leaf of either.
     */
    public static void resign(Connection connection, OutboxEntry entry, String newJws) throws SQLException {
        List<String> previous = new ArrayList<>(entry.previousJws());
        previous.add(0, entry.jws());
        Rows.update(connection, "UPDATE outbox SET jws = ?, previous_jws = ? WHERE declaration_id = ? AND state = ?",
                newJws, String.join("\n", previous), entry.declarationId().toString(), OutboxEntry.State.PENDING.name());
    }

    public static void recordFailedAttempt(Connection connection, UUID id, String error, Instant now) throws SQLException {
        Rows.update(connection, "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE declaration_id = ?",
                now.toEpochMilli(), truncate(error), id.toString());
    }

    /**
     * @param signedCheckpoint the checkpoint the receipt's inclusion proof was verified against, or null for a receipt
     *                         without proof (an observatory without a transparency log)
     */
    public static void markSent(Connection connection, UUID id, Receipt receipt, String signedCheckpoint, String warning,
                                Instant now) throws SQLException {
        Rows.update(connection, "UPDATE outbox SET state = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = ?"
                + " WHERE declaration_id = ?", OutboxEntry.State.SENT.name(), now.toEpochMilli(), truncate(warning), id.toString());
        Rows.update(connection, "DELETE FROM receipt WHERE declaration_id = ?", id.toString());
        Rows.update(connection, "INSERT INTO receipt (declaration_id, sequence, declaration_hash, received_at, json, log_index,"
                        + " checkpoint) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id.toString(), receipt.sequence(), receipt.declarationHash(),
                receipt.receivedAt() == null ? now.toEpochMilli() : receipt.receivedAt().toEpochMilli(), Rows.json(receipt),
                receipt.logIndex(), signedCheckpoint);
    }

    public static void markQuarantined(Connection connection, UUID id, String error, Instant now) throws SQLException {
        Rows.update(connection, "UPDATE outbox SET state = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = ?"
                + " WHERE declaration_id = ?", OutboxEntry.State.QUARANTINED.name(), now.toEpochMilli(), truncate(error), id.toString());
    }

    public static Map<OutboxEntry.State, Long> countByState(Connection connection) throws SQLException {
        Map<OutboxEntry.State, Long> counts = new EnumMap<>(OutboxEntry.State.class);
        for (OutboxEntry.State state : OutboxEntry.State.values()) {
            counts.put(state, 0L);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT state, COUNT(*) FROM outbox GROUP BY state");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(OutboxEntry.State.valueOf(rows.getString(1)), rows.getLong(2));
            }
        }
        return counts;
    }

    public static Optional<Receipt> lastReceipt(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT json FROM receipt ORDER BY sequence DESC LIMIT 1");
             ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(Rows.fromJson(row.getString(1), Receipt.class)) : Optional.empty();
        }
    }

    /** A receipt as kept: the observatory's JSON and the signed checkpoint its proof was verified against. */
    public record StoredReceipt(Receipt receipt, Long logIndex, String checkpoint) {
    }

    public static Optional<StoredReceipt> receipt(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT json, log_index, checkpoint FROM receipt WHERE declaration_id = ?")) {
            Rows.bind(statement, id.toString());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long index = row.getLong(2);
                return Optional.of(new StoredReceipt(Rows.fromJson(row.getString(1), Receipt.class),
                        row.wasNull() ? null : index, row.getString(3)));
            }
        }
    }

    private static List<OutboxEntry> query(Connection connection, String sql, Object... parameters) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Rows.bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String previous = rows.getString(8);
                    entries.add(new OutboxEntry(UUID.fromString(rows.getString(1)), rows.getLong(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), OutboxEntry.State.valueOf(rows.getString(6)), rows.getInt(7),
                            previous == null || previous.isEmpty() ? List.of() : List.of(previous.split("\n"))));
                }
            }
        }
        return entries;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
