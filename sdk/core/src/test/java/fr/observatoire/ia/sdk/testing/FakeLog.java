package fr.observatoire.ia.sdk.testing;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.merkle.InMemorySubtreeHashes;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.merkle.MerkleTree;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteSigner;
import fr.observatoire.ia.protocol.tlog.TlogProof;

import java.util.ArrayList;
import java.util.List;

/**
 * A real RFC 9162 transparency log with C2SP signed checkpoints, in memory, as the stand-in observatory keeps it.
 * {@link #rewrite} makes it dishonest: it replaces a leaf of its history and goes on from there, so its later
 * checkpoints and the consistency proofs it computes no longer match what it showed before.
 */
public final class FakeLog {
    public static final String ORIGIN = "observatoire.test/log";

    private final NoteSigner signer;
    private final List<byte[]> leaves = new ArrayList<>();
    private InMemorySubtreeHashes hashes = new InMemorySubtreeHashes();

    public FakeLog() {
        this(new NoteSigner(ORIGIN, SigningKey.generate()));
    }

    public FakeLog(NoteSigner signer) {
        this.signer = signer;
    }

    /** The C2SP verifier key of the log, as the observatory publishes it. */
    public String vkey() {
        return signer.verifier().vkey();
    }

    public synchronized long append(byte[] data) {
        leaves.add(data.clone());
        return hashes.append(MerkleHashes.leafHash(data)) - 1;
    }

    public synchronized long size() {
        return leaves.size();
    }

    public synchronized List<byte[]> entries() {
        return List.copyOf(leaves);
    }

    public synchronized Checkpoint checkpoint() {
        return new Checkpoint(ORIGIN, leaves.size(), new MerkleTree(hashes).root(leaves.size()));
    }

    public synchronized String signedCheckpoint() {
        return signer.sign(checkpoint().text());
    }

    /** The tlog-proof of leaf {@code index} in the current tree. */
    public synchronized String tlogProof(long index) {
        return new TlogProof(index, new MerkleTree(hashes).inclusionProof(index, leaves.size()), signedCheckpoint()).text();
    }

    public synchronized List<byte[]> consistencyProof(long from, long to) {
        return new MerkleTree(hashes).consistencyProof(from, to);
    }

    /** Rewrites history: leaf {@code index} becomes {@code data}, and the tree is rebuilt from there. */
    public synchronized void rewrite(int index, byte[] data) {
        leaves.set(index, data.clone());
        hashes = new InMemorySubtreeHashes();
        for (byte[] leaf : leaves) {
            hashes.append(MerkleHashes.leafHash(leaf));
        }
    }
}
