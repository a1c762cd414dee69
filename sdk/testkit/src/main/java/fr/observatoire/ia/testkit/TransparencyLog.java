package fr.observatoire.ia.testkit;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.merkle.InMemorySubtreeHashes;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.merkle.MerkleTree;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteSigner;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.protocol.tlog.TlogProof;

import java.util.List;

/**
 * A real RFC 9162 log in memory, with C2SP signed checkpoints, so that receipts of the fake observatory verify
 * with {@link fr.observatoire.ia.protocol.tlog.ReceiptVerifier} exactly as the reference server's do. The leaf of a
 * declaration is the ASCII bytes of its compact JWS, as sent.
 */
final class TransparencyLog {
    private final String origin;
    private final NoteSigner signer;
    private final InMemorySubtreeHashes hashes = new InMemorySubtreeHashes();
    private final MerkleTree tree = new MerkleTree(hashes);

    TransparencyLog(String origin, SigningKey key) {
        this.origin = origin;
        this.signer = new NoteSigner(origin, key);
    }

    NoteVerifier verifier() {
        return signer.verifier();
    }

    /** Appends a leaf and returns its index. */
    synchronized long append(byte[] leafData) {
        return hashes.append(MerkleHashes.leafHash(leafData)) - 1;
    }

    synchronized long size() {
        return hashes.size();
    }

    /** The signed checkpoint of the log as it is now. */
    synchronized String signedCheckpoint() {
        long size = hashes.size();
        return signer.sign(new Checkpoint(origin, size, tree.root(size)).text());
    }

    /** The inclusion proof of leaf {@code index} in the log as it is now, with the checkpoint it leads to. */
    synchronized TlogProof proof(long index) {
        long size = hashes.size();
        return new TlogProof(index, tree.inclusionProof(index, size), signedCheckpoint());
    }

    /** The hash of leaf {@code index}. */
    synchronized byte[] leafHash(long index) {
        return hashes.get(0, index);
    }

    /** The inclusion proof of leaf {@code index} in the tree of {@code size} leaves. */
    synchronized List<byte[]> inclusionProof(long index, long size) {
        return tree.inclusionProof(index, size);
    }

    /** RFC 9162 consistency proof between two sizes the log had. */
    synchronized List<byte[]> consistencyProof(long fromSize, long toSize) {
        if (toSize > hashes.size()) {
            throw new IllegalArgumentException("the log has " + hashes.size() + " leaves, not " + toSize);
        }
        return tree.consistencyProof(fromSize, toSize);
    }
}
