package fr.observatoire.ia.server.log;

import fr.observatoire.ia.protocol.merkle.SubtreeHashes;
import fr.observatoire.ia.server.db.DatabaseException;

import java.sql.Connection;
import java.sql.SQLException;

/** The log's subtree hashes as stored (log_leaf, log_node), read on the caller's connection, through the cache. */
final class StoredSubtreeHashes implements SubtreeHashes {
    private final Connection connection;
    private final LogRepository repository;
    private final NodeCache cache;

    StoredSubtreeHashes(Connection connection, LogRepository repository, NodeCache cache) {
        this.connection = connection;
        this.repository = repository;
        this.cache = cache;
    }

    @Override
    public byte[] get(int level, long index) {
        NodeKey key = new NodeKey(level, index);
        return cache.get(key).orElseGet(() -> read(key));
    }

    private byte[] read(NodeKey key) {
        try {
            byte[] hash = repository.subtreeHash(connection, key.level(), key.index())
                    .orElseThrow(() -> new IllegalStateException("the log has no stored subtree " + key.level() + "/" + key.index()));
            cache.put(key, hash);
            return hash;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
