package fr.observatoire.ia.server.log;

import fr.observatoire.ia.protocol.merkle.MerkleTree;
import fr.observatoire.ia.protocol.merkle.SubtreeHashes;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The right edge of a tree of {@code size} leaves: the hashes of the perfect subtrees its size
 * decomposes into (one per bit set in {@code size}, at most 64). With them, the next leaves can be
 * appended, and the new root and the new leaves' proofs computed, without reading anything else:
 * every left sibling of a new node is one of them (RFC 9162 trees are built left to right).
 */
record Frontier(long size, byte[] root, Map<NodeKey, byte[]> nodes) {
    Frontier {
        root = root.clone();
        nodes = Map.copyOf(nodes);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The perfect subtrees {@code size} decomposes into, left to right. */
    static List<NodeKey> decomposition(long size) {
        List<NodeKey> keys = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                keys.add(new NodeKey(level, start >> level));
                start += 1L << level;
            }
        }
        return keys;
    }

    /** Reads the frontier of a tree of {@code size} leaves from {@code hashes}. */
    static Frontier of(long size, SubtreeHashes hashes) {
        Map<NodeKey, byte[]> nodes = new LinkedHashMap<>();
        for (NodeKey key : decomposition(size)) {
            nodes.put(key, hashes.get(key.level(), key.index()));
        }
        return new Frontier(size, rootOf(size, nodes), nodes);
    }

    static byte[] rootOf(long size, Map<NodeKey, byte[]> nodes) {
        return new MerkleTree((level, index) -> nodes.get(new NodeKey(level, index))).root(size);
    }

    boolean matches(long otherSize, byte[] otherRoot) {
        return size == otherSize && MessageDigest.isEqual(root, otherRoot);
    }
}
