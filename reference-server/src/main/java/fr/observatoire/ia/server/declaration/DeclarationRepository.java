package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of the declaration table. Methods take the caller's connection: they run inside its transaction. */
@ApplicationScoped
public class DeclarationRepository {
    private static final String SUMMARY_COLUMNS = "d.id, d.siren, c.name, c.kind, d.sequence, d.period_kind, d.period_start,"
            + " d.period_end, d.issued_at, d.received_at, d.payload_hash, d.kid, d.usage_count, d.activity_total, d.previous_hash";
    private static final String FROM = " FROM declaration d JOIN collectivite c ON c.siren = d.siren";

    /**
     * A stored declaration's receipt (without its log proof) and content hash, to answer a resubmission.
     *
     * @param logIndex       its leaf in the log (null if it was never appended)
     * @param checkpointSize the checkpoint its receipt proves inclusion in
     */
    record Stored(Receipt receipt, String payloadHash, Long logIndex, Long checkpointSize) {
    }

    /** Stores accepted declarations (one batch statement). */
    void insertAll(Connection connection, List<Admitted> admitted, Instant receivedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO declaration (id, siren, kid, sequence, previous_hash,"
                + " payload_hash, jws, period_kind, period_start, period_end, issued_at, received_at, usage_count, activity_total)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Admitted one : admitted) {
                VerifiedDeclaration verified = one.verified();
                Declaration declaration = verified.declaration();
                insert.setObject(1, declaration.id());
                insert.setString(2, declaration.declarant().siren());
                insert.setString(3, verified.key().kid());
                insert.setLong(4, declaration.sequence());
                insert.setString(5, declaration.previousHash());
                insert.setString(6, verified.payloadHash());
                insert.setString(7, verified.jws());
                insert.setString(8, declaration.period().kind().name());
                insert.setObject(9, declaration.period().start());
                insert.setObject(10, declaration.period().end());
                Sql.setInstant(insert, 11, declaration.issuedAt());
                Sql.setInstant(insert, 12, receivedAt);
                insert.setInt(13, declaration.inventory().usages().size());
                insert.setLong(14, one.activityTotal());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A stored declaration and where it is in the log. */
    Optional<Stored> findStored(Connection connection, UUID id) throws SQLException {
        return Optional.ofNullable(findStored(connection, List.of(id)).get(id));
    }

    /** The stored declarations among {@code ids} (one query), by id. */
    Map<UUID, Stored> findStored(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, Stored> stored = new HashMap<>();
        if (ids.isEmpty()) {
            return stored;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT d.id, d.siren, d.sequence, d.payload_hash, d.received_at,"
                + " l.idx, l.checkpoint_size FROM declaration d LEFT JOIN log_leaf l ON l.declaration_id = d.id"
                + " WHERE d.id IN (" + Sql.placeholders(ids.size()) + ")")) {
            int index = 1;
            for (UUID id : ids) {
                select.setObject(index++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String hash = rows.getString("payload_hash");
                    Receipt receipt = new Receipt(rows.getObject("id", UUID.class), rows.getString("siren"), rows.getLong("sequence"),
                            hash, Sql.getInstant(rows, "received_at"));
                    stored.put(receipt.declarationId(), new Stored(receipt, hash, Sql.getLongOrNull(rows, "idx"),
                            Sql.getLongOrNull(rows, "checkpoint_size")));
                }
            }
        }
        return stored;
    }

    /** The declarant's last accepted declaration. */
    Optional<ChainHead> chainHead(Connection connection, String siren) throws SQLException {
        return Optional.ofNullable(chainHeads(connection, List.of(siren)).get(siren));
    }

    /** The chain heads of the declarants among {@code sirens} that have one (one query), by SIREN. */
    Map<String, ChainHead> chainHeads(Connection connection, Collection<String> sirens) throws SQLException {
        Map<String, ChainHead> heads = new HashMap<>();
        if (sirens.isEmpty()) {
            return heads;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT siren, last_sequence, last_hash, last_id, last_received_at"
                + " FROM declarant_chain WHERE siren IN (" + Sql.placeholders(sirens.size()) + ")")) {
            Sql.bindStrings(select, 1, sirens);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String siren = rows.getString("siren");
                    heads.put(siren, new ChainHead(siren, rows.getLong("last_sequence"), rows.getString("last_hash"),
                            rows.getObject("last_id", UUID.class), Sql.getInstant(rows, "last_received_at")));
                }
            }
        }
        return heads;
    }

    /**
     * Moves the declarants' chain heads: {@code moved} had one, {@code started} get their first (the caller
     * holds the log's lock: no one else writes them meanwhile).
     */
    void saveChainHeads(Connection connection, Collection<ChainHead> moved, Collection<ChainHead> started) throws SQLException {
        writeHeads(connection, "UPDATE declarant_chain SET last_sequence = ?, last_hash = ?, last_id = ?, last_received_at = ?"
                + " WHERE siren = ?", moved);
        writeHeads(connection, "INSERT INTO declarant_chain (last_sequence, last_hash, last_id, last_received_at, siren)"
                + " VALUES (?, ?, ?, ?, ?)", started);
    }

    private static void writeHeads(Connection connection, String sql, Collection<ChainHead> heads) throws SQLException {
        if (heads.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (ChainHead head : heads) {
                statement.setLong(1, head.sequence());
                statement.setString(2, head.declarationHash());
                statement.setObject(3, head.declarationId());
                Sql.setInstant(statement, 4, head.receivedAt());
                statement.setString(5, head.siren());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The hash of the declaration at this place of the declarant's chain, if any. */
    Optional<String> hashAtSequence(Connection connection, String siren, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT payload_hash FROM declaration WHERE siren = ? AND sequence = ?")) {
            select.setString(1, siren);
            select.setLong(2, sequence);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The id of the declaration that holds this place in the declarant's chain, if any. */
    Optional<UUID> idAtSequence(Connection connection, String siren, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM declaration WHERE siren = ? AND sequence = ?")) {
            select.setString(1, siren);
            select.setLong(2, sequence);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject("id", UUID.class)) : Optional.empty();
            }
        }
    }

    /** Newest first; {@code siren} null for all declarants. */
    public List<DeclarationSummary> list(Connection connection, String siren, int limit, int offset) throws SQLException {
        String sql = "SELECT " + SUMMARY_COLUMNS + FROM + (siren == null ? "" : " WHERE d.siren = ?") + " ORDER BY d.received_at DESC, d.id DESC LIMIT ? OFFSET ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            if (siren != null) {
                select.setString(index++, siren);
            }
            select.setInt(index++, limit);
            select.setInt(index, offset);
            try (ResultSet rows = select.executeQuery()) {
                List<DeclarationSummary> summaries = new ArrayList<>();
                while (rows.next()) {
                    summaries.add(summary(rows));
                }
                return summaries;
            }
        }
    }

    public long count(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM declaration");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    Optional<DeclarationSummary> summary(Connection connection, UUID id) throws SQLException {
        return signed(connection, id, false).map(SignedDeclaration::declaration);
    }

    Optional<SignedDeclaration> signed(Connection connection, UUID id) throws SQLException {
        return signed(connection, id, true);
    }

    private Optional<SignedDeclaration> signed(Connection connection, UUID id, boolean withJws) throws SQLException {
        String sql = "SELECT " + SUMMARY_COLUMNS + (withJws ? ", d.jws" : "") + FROM + " WHERE d.id = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SignedDeclaration(summary(rows), rows.getString("previous_hash"),
                        withJws ? rows.getString("jws") : null));
            }
        }
    }

    private static DeclarationSummary summary(ResultSet rows) throws SQLException {
        return new DeclarationSummary(rows.getObject("id", UUID.class), rows.getString("siren"), rows.getString("name"),
                DeclarantKind.valueOf(rows.getString("kind")), rows.getLong("sequence"), rows.getObject("period_start", LocalDate.class),
                rows.getObject("period_end", LocalDate.class), PeriodKind.valueOf(rows.getString("period_kind")),
                Sql.getInstant(rows, "issued_at"), Sql.getInstant(rows, "received_at"), rows.getString("payload_hash"),
                rows.getString("kid"), rows.getInt("usage_count"), rows.getLong("activity_total"));
    }
}
