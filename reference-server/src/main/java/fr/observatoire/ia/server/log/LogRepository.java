package fr.observatoire.ia.server.log;

import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of the log tables. Methods take the caller's connection: they run inside its transaction. */
@ApplicationScoped
public class LogRepository {
    /** One appended leaf, as stored. */
    record Leaf(long index, byte[] hash, UUID declarationId, UUID keyEventId, long checkpointSize) {
    }

    /**
     * Locks the log's head row until the end of the transaction ({@code FOR UPDATE}, which H2 and
     * PostgreSQL both honour): whoever appends next waits, on any connection of any server instance.
     */
    LogState lock(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tree_size, root_hash, origin FROM log_state WHERE id = 1 FOR UPDATE");
             ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("the log_state row is missing: the V2 migration did not run");
            }
            return new LogState(rows.getLong("tree_size"), Hashes64.decode(rows.getString("root_hash")), rows.getString("origin"));
        }
    }

    void updateState(Connection connection, long size, byte[] root, String origin) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE log_state SET tree_size = ?, root_hash = ?, origin = ? WHERE id = 1")) {
            update.setLong(1, size);
            update.setString(2, Hashes64.encode(root));
            update.setString(3, origin);
            update.executeUpdate();
        }
    }

    void insertLeaves(Connection connection, List<Leaf> leaves, Instant appendedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_leaf"
                + " (idx, leaf_hash, declaration_id, key_event_id, checkpoint_size, appended_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Leaf leaf : leaves) {
                insert.setLong(1, leaf.index());
                insert.setString(2, Hashes64.encode(leaf.hash()));
                insert.setObject(3, leaf.declarationId());
                insert.setObject(4, leaf.keyEventId());
                insert.setLong(5, leaf.checkpointSize());
                Sql.setInstant(insert, 6, appendedAt);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void insertNodes(Connection connection, List<PendingAppend.NewNode> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO log_node (node_level, idx, subtree_hash) VALUES (?, ?, ?)")) {
            for (PendingAppend.NewNode node : nodes) {
                insert.setInt(1, node.key().level());
                insert.setLong(2, node.key().index());
                insert.setString(3, Hashes64.encode(node.hash()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void insertCheckpoint(Connection connection, SignedCheckpoint checkpoint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO log_checkpoint (tree_size, root_hash, note, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.size());
            insert.setString(2, checkpoint.rootHash());
            insert.setString(3, checkpoint.note());
            Sql.setInstant(insert, 4, checkpoint.createdAt());
            insert.executeUpdate();
        }
    }

    Optional<SignedCheckpoint> latestCheckpoint(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tree_size, root_hash, note, created_at FROM log_checkpoint ORDER BY tree_size DESC LIMIT 1");
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(checkpoint(rows)) : Optional.empty();
        }
    }

    Optional<SignedCheckpoint> checkpoint(Connection connection, long size) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tree_size, root_hash, note, created_at FROM log_checkpoint WHERE tree_size = ?")) {
            select.setLong(1, size);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(checkpoint(rows)) : Optional.empty();
            }
        }
    }

    /** A stored subtree hash: level 0 is a leaf hash. */
    Optional<byte[]> subtreeHash(Connection connection, int level, long index) throws SQLException {
        String sql = level == 0
                ? "SELECT leaf_hash FROM log_leaf WHERE idx = ?"
                : "SELECT subtree_hash FROM log_node WHERE node_level = ? AND idx = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (level == 0) {
                select.setLong(1, index);
            } else {
                select.setInt(1, level);
                select.setLong(2, index);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(Hashes64.decode(rows.getString(1))) : Optional.empty();
            }
        }
    }

    /** Leaves {@code [start, start + limit)} with their data, in order. */
    List<LogEntryView> entries(Connection connection, long start, int limit, boolean withDeclarationData) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT l.idx, l.leaf_hash, l.declaration_id, k.kind,"
                + (withDeclarationData ? " d.jws," : " NULL AS jws,") + " k.entry FROM log_leaf l"
                + (withDeclarationData ? " LEFT JOIN declaration d ON d.id = l.declaration_id" : "")
                + " LEFT JOIN key_event k ON k.id = l.key_event_id WHERE l.idx >= ? AND l.idx < ? ORDER BY l.idx")) {
            select.setLong(1, start);
            select.setLong(2, start + limit);
            try (ResultSet rows = select.executeQuery()) {
                List<LogEntryView> entries = new ArrayList<>();
                while (rows.next()) {
                    UUID declarationId = rows.getObject("declaration_id", UUID.class);
                    String keyEventKind = rows.getString("kind");
                    EntryKind kind = declarationId != null ? EntryKind.DECLARATION : EntryKind.valueOf("KEY_" + keyEventKind);
                    String data = declarationId != null ? rows.getString("jws") : rows.getString("entry");
                    entries.add(new LogEntryView(rows.getLong("idx"), kind, rows.getString("leaf_hash"), declarationId, data));
                }
                return entries;
            }
        }
    }


    /** Declarations accepted before the log existed (V1), oldest first: to be appended once. */
    List<LogEntry> declarationsOutsideTheLog(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT d.id, d.jws FROM declaration d"
                + " WHERE NOT EXISTS (SELECT 1 FROM log_leaf l WHERE l.declaration_id = d.id) ORDER BY d.received_at, d.id LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<LogEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(LogEntry.declaration(rows.getObject("id", UUID.class), rows.getString("jws")));
                }
                return entries;
            }
        }
    }

    private static SignedCheckpoint checkpoint(ResultSet rows) throws SQLException {
        return new SignedCheckpoint(rows.getLong("tree_size"), rows.getString("root_hash"), rows.getString("note"),
                Sql.getInstant(rows, "created_at"));
    }
}
