package fr.observatoire.ia.protocol.merkle;

import java.util.ArrayList;
import java.util.List;

/** Perfect-subtree hashes kept in memory, filled leaf by leaf: for tests, audits and small logs. Not thread-safe. */
public final class InMemorySubtreeHashes implements SubtreeHashes {
    private final List<List<byte[]>> levels = new ArrayList<>();

    /** Appends a leaf hash and every subtree it completes; returns the new size. */
    public long append(byte[] leafHash) {
        byte[] hash = leafHash;
        int level = 0;
        while (true) {
            if (levels.size() == level) {
                levels.add(new ArrayList<>());
            }
            List<byte[]> row = levels.get(level);
            row.add(hash);
            if (row.size() % 2 == 1) {
                break;
            }
            hash = MerkleHashes.nodeHash(row.get(row.size() - 2), hash);
            level++;
        }
        return size();
    }

    public long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    @Override
    public byte[] get(int level, long index) {
        if (level >= levels.size() || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("no complete subtree at level " + level + " index " + index);
        }
        return levels.get(level).get((int) index);
    }
}
