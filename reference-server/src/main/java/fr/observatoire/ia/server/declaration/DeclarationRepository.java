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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the declaration table. Methods take the caller's connection: they run inside its transaction. */
@ApplicationScoped
public class DeclarationRepository {
    private static final String SUMMARY_COLUMNS = "d.id, d.siren, c.name, c.kind, d.sequence, d.period_kind, d.period_start,"
            + " d.period_end, d.issued_at, d.received_at, d.payload_hash, d.kid, d.usage_count, d.activity_total, d.previous_hash";
    private static final String FROM = " FROM declaration d JOIN collectivite c ON c.siren = d.siren";

    /** A stored declaration's receipt and content hash, to answer a resubmission. */
    record Stored(Receipt receipt, String payloadHash) {
    }

    void insert(Connection connection, VerifiedDeclaration verified, long activityTotal, Instant receivedAt) throws SQLException {
        Declaration declaration = verified.declaration();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO declaration (id, siren, kid, sequence, previous_hash,"
                + " payload_hash, jws, payload, period_kind, period_start, period_end, issued_at, received_at, usage_count, activity_total)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, declaration.id());
            insert.setString(2, declaration.declarant().siren());
            insert.setString(3, verified.key().kid());
            insert.setLong(4, declaration.sequence());
            insert.setString(5, declaration.previousHash());
            insert.setString(6, verified.payloadHash());
            insert.setString(7, verified.jws());
            insert.setString(8, verified.payloadJson());
            insert.setString(9, declaration.period().kind().name());
            insert.setObject(10, declaration.period().start());
            insert.setObject(11, declaration.period().end());
            Sql.setInstant(insert, 12, declaration.issuedAt());
            Sql.setInstant(insert, 13, receivedAt);
            insert.setInt(14, declaration.inventory().usages().size());
            insert.setLong(15, activityTotal);
            insert.executeUpdate();
        }
    }

    Optional<Stored> findStored(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, siren, sequence, payload_hash, received_at FROM declaration WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String hash = rows.getString("payload_hash");
                Receipt receipt = new Receipt(rows.getObject("id", UUID.class), rows.getString("siren"), rows.getLong("sequence"),
                        hash, Sql.getInstant(rows, "received_at"));
                return Optional.of(new Stored(receipt, hash));
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
