package fr.observatoire.ia.protocol.tlog;

import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.merkle.MerkleProofs;
import fr.observatoire.ia.protocol.merkle.ProofException;

/**
 * What a collectivité, an auditor or anyone checks about a declaration: that its JWS is the leaf at the
 * proof's index of the log whose checkpoint the observatory signed. The leaf is the compact JWS bytes,
 * so the log commits to the signature as well as to the content.
 */
public final class ReceiptVerifier {
    private final NoteVerifier logKey;

    public ReceiptVerifier(NoteVerifier logKey) {
        this.logKey = logKey;
    }

    /** @return the verified checkpoint the declaration is included in */
    public Checkpoint verifyInclusion(byte[] leafData, TlogProof proof) throws NoteException, ProofException {
        Checkpoint checkpoint = Checkpoint.verify(proof.signedCheckpoint(), logKey);
        MerkleProofs.verifyInclusion(proof.index(), checkpoint.size(), MerkleHashes.leafHash(leafData), proof.proof(),
                checkpoint.rootHash());
        return checkpoint;
    }
}
