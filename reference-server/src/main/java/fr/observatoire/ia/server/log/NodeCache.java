package fr.observatoire.ia.server.log;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stored subtree hashes recently read, for the proof endpoints. Safe to keep because a committed
 * subtree hash never changes; only hashes read from the database (committed) are put here.
 */
@ApplicationScoped
public class NodeCache {
    private static final int CAPACITY = 65_536;

    private final Map<NodeKey, byte[]> hashes = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeKey, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Optional<byte[]> get(NodeKey key) {
        return Optional.ofNullable(hashes.get(key));
    }

    synchronized void put(NodeKey key, byte[] hash) {
        hashes.put(key, hash);
    }
}
