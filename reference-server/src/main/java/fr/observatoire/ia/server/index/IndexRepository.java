package fr.observatoire.ia.server.index;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.server.collectivite.Collectivite;
import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** SQL of the indexer: its cursor, the declarations after it, and the record of what is indexed. */
@ApplicationScoped
public class IndexRepository {

    /** A declaration after the cursor, with its declarant as registered. */
    record Pending(UUID id, long ingestNo, Instant receivedAt, String payloadHash, String jws, Collectivite declarant) {
        /** The signed payload: the JWS's second part (the only place it is stored). */
        byte[] payload() throws JwsException {
            return Jws.parse(jws).payload();
        }
    }

    long cursor(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT indexed_through FROM stats_cursor WHERE id = 1");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void moveCursor(Connection connection, long indexedThrough) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE stats_cursor SET indexed_through = ? WHERE id = 1 AND indexed_through < ?")) {
            update.setLong(1, indexedThrough);
            update.setLong(2, indexedThrough);
            update.executeUpdate();
        }
    }

    /** Up to {@code limit} declarations after {@code cursor}, in insertion order. */
    List<Pending> after(Connection connection, long cursor, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT d.id, d.ingest_no, d.received_at, d.payload_hash, d.jws,"
                + " c.siren, c.kind, c.name, c.insee_code, c.uai, c.population, c.departement, c.epci_siren, c.contact_email, c.registered_at"
                + " FROM declaration d JOIN collectivite c ON c.siren = d.siren"
                + " WHERE d.ingest_no > ? ORDER BY d.ingest_no LIMIT ?")) {
            select.setLong(1, cursor);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<Pending> pending = new ArrayList<>();
                while (rows.next()) {
                    Collectivite declarant = new Collectivite(rows.getString("siren"), DeclarantKind.valueOf(rows.getString("kind")),
                            rows.getString("name"), rows.getString("insee_code"), rows.getString("uai"),
                            Sql.getLongOrNull(rows, "population"), rows.getString("departement"), rows.getString("epci_siren"),
                            rows.getString("contact_email"), Sql.getInstant(rows, "registered_at"));
                    pending.add(new Pending(rows.getObject("id", UUID.class), rows.getLong("ingest_no"),
                            Sql.getInstant(rows, "received_at"), rows.getString("payload_hash"), rows.getString("jws"), declarant));
                }
                return pending;
            }
        }
    }

    /** The declarations after {@code cursor} that are already indexed (indexed past a gap still open). */
    Set<UUID> indexedAfter(Connection connection, long cursor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT declaration_id FROM stats_indexed WHERE ingest_no > ?")) {
            select.setLong(1, cursor);
            try (ResultSet rows = select.executeQuery()) {
                Set<UUID> ids = new HashSet<>();
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
                return ids;
            }
        }
    }

    /** Records {@code declarations} as indexed, in the transaction that wrote their facts: one batched insert. */
    void markIndexed(Connection connection, List<AcceptedDeclaration> declarations, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO stats_indexed (declaration_id, ingest_no, indexed_at) VALUES (?, ?, ?)")) {
            for (AcceptedDeclaration declaration : declarations) {
                insert.setObject(1, declaration.id());
                insert.setLong(2, declaration.ingestNo());
                Sql.setInstant(insert, 3, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
