package fr.observatoire.ia.sdk.internal.trust;

import fr.observatoire.ia.protocol.merkle.ProofException;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteException;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.protocol.tlog.ReceiptVerifier;
import fr.observatoire.ia.protocol.tlog.TlogProof;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a receipt before it counts as the observatory's acknowledgement: its fields name the declaration sent
 * (id, declarant, sequence, hash), its tlog proof includes the exact JWS bytes sent as a leaf of a checkpoint
 * signed by the log key, and that checkpoint is consistent with the last one trusted.
 */
public final class ReceiptCheck {
    private final LogKeys logKeys;
    private final CheckpointWitness witness;
    private final String siren;

    public ReceiptCheck(LogKeys logKeys, CheckpointWitness witness, String siren) {
        this.logKeys = logKeys;
        this.witness = witness;
        this.siren = siren;
    }

    public ReceiptVerdict verify(OutboxEntry entry, Receipt receipt) {
        Optional<String> mismatch = fieldMismatch(entry, receipt);
        if (mismatch.isPresent()) {
            return new ReceiptVerdict.Refused(mismatch.get());
        }
        Optional<NoteVerifier> key = logKeys.current();
        if (receipt.tlogProof() == null) {
            return key.isEmpty()
                    ? new ReceiptVerdict.Unlogged()
                    : new ReceiptVerdict.Refused("the receipt carries no inclusion proof, although the observatory's log key is "
                    + key.get().vkey());
        }
        NoteVerifier logKey;
        try {
            logKey = key.isPresent() ? key.get() : logKeys.fetchOnFirstUse();
        } catch (IOException e) {
            return new ReceiptVerdict.Undecided("the observatory's log key cannot be obtained to check the receipt: " + e.getMessage());
        }
        TlogProof proof;
        try {
            proof = TlogProof.parse(receipt.tlogProof());
        } catch (NoteException | RuntimeException e) {
            return new ReceiptVerdict.Refused("the receipt's tlog proof is malformed: " + e.getMessage());
        }
        if (receipt.logIndex() != null && receipt.logIndex() != proof.index()) {
            return new ReceiptVerdict.Refused("the receipt names log index " + receipt.logIndex() + " but its proof is for index "
                    + proof.index());
        }
        Checkpoint checkpoint;
        try {
            checkpoint = includedCheckpoint(entry, proof, logKey);
        } catch (NoteException e) {
            return new ReceiptVerdict.Refused("the receipt's checkpoint is not signed by the observatory's log key "
                    + logKey.vkey() + ": " + e.getMessage());
        } catch (ProofException e) {
            return new ReceiptVerdict.Refused("the receipt's inclusion proof does not prove the declaration sent: " + e.getMessage());
        }
        Observation observation = witness.observe(proof.signedCheckpoint(), checkpoint);
        if (observation instanceof Observation.Unavailable unavailable) {
            return new ReceiptVerdict.Undecided(unavailable.reason());
        }
        return new ReceiptVerdict.Verified(proof.signedCheckpoint(), checkpoint, !(observation instanceof Observation.Inconsistent));
    }

    /**
     * The leaf is the JWS as sent. After a key rotation the entry was re-signed, and the observatory may have
     * logged an earlier signature of the same payload: any of them proves the declaration. The signature of the
     * checkpoint is checked first, so that a bad checkpoint is reported as such rather than as a bad proof.
     */
    private static Checkpoint includedCheckpoint(OutboxEntry entry, TlogProof proof, NoteVerifier logKey)
            throws NoteException, ProofException {
        Checkpoint.verify(proof.signedCheckpoint(), logKey);
        ReceiptVerifier verifier = new ReceiptVerifier(logKey);
        List<ProofException> failures = new ArrayList<>();
        for (String jws : entry.allJws()) {
            try {
                return verifier.verifyInclusion(jws.getBytes(StandardCharsets.US_ASCII), proof);
            } catch (ProofException e) {
                failures.add(e);
            }
        }
        throw failures.get(0);
    }

    private Optional<String> fieldMismatch(OutboxEntry entry, Receipt receipt) {
        if (entry.declarationId().equals(receipt.declarationId()) && entry.sequence() == receipt.sequence()
                && entry.payloadHash().equals(receipt.declarationHash()) && siren.equals(receipt.siren())) {
            return Optional.empty();
        }
        return Optional.of("the receipt does not match the declaration (receipt: id " + receipt.declarationId() + ", SIREN "
                + receipt.siren() + ", sequence " + receipt.sequence() + ", hash " + receipt.declarationHash() + "; sent: id "
                + entry.declarationId() + ", SIREN " + siren + ", sequence " + entry.sequence() + ", hash " + entry.payloadHash() + ")");
    }
}
