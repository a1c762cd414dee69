package fr.observatoire.ia.server.log;

import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.merkle.MerkleTree;
import fr.observatoire.ia.protocol.merkle.SubtreeHashes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leaves being appended in one transaction, in memory: the frontier of the tree before, plus every
 * subtree the new leaves complete. Enough for the new root and the new leaves' inclusion proofs, so an
 * append costs no read of the stored tree. Not thread-safe: one append, one thread.
 */
final class PendingAppend implements SubtreeHashes {
    /** A subtree completed by this append (level ≥ 1), to be stored. */
    record NewNode(NodeKey key, byte[] hash) {
    }

    private final long startSize;
    private final Map<NodeKey, byte[]> known;
    private final List<byte[]> leafHashes = new ArrayList<>();
    private final List<NewNode> newNodes = new ArrayList<>();
    private long size;

    PendingAppend(Frontier before) {
        this.startSize = before.size();
        this.size = before.size();
        this.known = new HashMap<>(before.nodes());
    }

    /** Adds a leaf; returns its index. */
    long add(byte[] leafData) {
        long index = size++;
        byte[] hash = MerkleHashes.leafHash(leafData);
        leafHashes.add(hash);
        known.put(new NodeKey(0, index), hash);
        int level = 0;
        long position = index;
        while ((position & 1) == 1) {
            hash = MerkleHashes.nodeHash(get(level, position - 1), hash);
            level++;
            position >>= 1;
            NodeKey key = new NodeKey(level, position);
            known.put(key, hash);
            newNodes.add(new NewNode(key, hash));
        }
        return index;
    }

    @Override
    public byte[] get(int level, long index) {
        byte[] hash = known.get(new NodeKey(level, index));
        if (hash == null) {
            // Would mean a bug in the frontier: every left sibling of a new node is in it.
            throw new IllegalStateException("subtree " + level + "/" + index + " is neither new nor on the frontier of size " + startSize);
        }
        return hash;
    }

    long startSize() {
        return startSize;
    }

    long size() {
        return size;
    }

    byte[] leafHash(long index) {
        return leafHashes.get((int) (index - startSize));
    }

    List<NewNode> newNodes() {
        return newNodes;
    }

    byte[] root() {
        return new MerkleTree(this).root(size);
    }

    List<byte[]> inclusionProof(long index) {
        return new MerkleTree(this).inclusionProof(index, size);
    }

    /** The frontier after this append. */
    Frontier frontier() {
        Map<NodeKey, byte[]> nodes = new LinkedHashMap<>();
        for (NodeKey key : Frontier.decomposition(size)) {
            nodes.put(key, get(key.level(), key.index()));
        }
        return new Frontier(size, root(), nodes);
    }
}
