package fr.observatoire.ia.sdk.internal.trust;

import fr.observatoire.ia.protocol.merkle.MerkleProofs;
import fr.observatoire.ia.protocol.merkle.ProofException;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteException;
import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.LogTables;
import fr.observatoire.ia.sdk.internal.transport.LogClient;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the latest checkpoint of the observatory's log that the SDK verified, and checks that every new one
 * tells the same history: a larger tree must be proven to extend it (RFC 9162 consistency proof, fetched from
 * the observatory), an equal size must have the same root, a smaller one must be proven a prefix of it.
 *
 * <p>An inconsistency is never retried away nor overwritten: the trusted checkpoint stays, the evidence (both
 * signed checkpoints and the proof that failed) is kept in the store, and a persistent alarm is raised. A proof
 * that cannot be obtained concludes nothing and is asked again later.
 *
 * <p>Checkpoints given here are already verified (signature by the log key); the stored one was when it was adopted.
 */
public final class CheckpointWitness {
    /** The alarm's sentence, French first, as the status shows it. */
    static final String ALARM_PREFIX = "L'observatoire a présenté deux versions incompatibles de son journal de transparence :"
            + " il a pu réécrire, retirer ou cacher des déclarations. La dernière version cohérente est conservée, ainsi que"
            + " les preuves (table log_inconsistency du magasin local) ; signalez-le à l'observatoire et à sa tutelle."
            + " / The observatory presented two incompatible versions of its transparency log: it may have rewritten,"
            + " removed or hidden declarations. The last consistent checkpoint is kept, with the evidence (table"
            + " log_inconsistency of the local store); report it to the observatory and its oversight body. ";

    private final Database database;
    private final LogClient client;
    private final Alarms alarms;
    private final Clock clock;

    public CheckpointWitness(Database database, LogClient client, Alarms alarms, Clock clock) {
        this.database = database;
        this.client = client;
        this.alarms = alarms;
        this.clock = clock;
    }

    /** The trusted checkpoint (signed note text), if any. */
    public Optional<String> trustedNote() {
        return database.inTransaction(LogTables::checkpoint);
    }

    public Optional<Checkpoint> trusted() {
        return trustedNote().map(CheckpointWitness::parseStored);
    }

    /** Synchronized: the sender and an administrator's check must not adopt two checkpoints at once. */
    public synchronized Observation observe(String signedNote, Checkpoint presented) {
        Optional<String> trustedNote = trustedNote();
        if (trustedNote.isEmpty()) {
            return adopt(signedNote, presented);
        }
        Checkpoint trusted = parseStored(trustedNote.get());
        if (!trusted.origin().equals(presented.origin())) {
            return inconsistent(trustedNote.get(), signedNote, null, "the checkpoints name two logs, '" + trusted.origin()
                    + "' and '" + presented.origin() + "', signed by the same key");
        }
        if (presented.size() == trusted.size()) {
            return MessageDigest.isEqual(presented.rootHash(), trusted.rootHash())
                    ? new Observation.Consistent()
                    : inconsistent(trustedNote.get(), signedNote, null, "two different roots for the same tree size " + trusted.size());
        }
        Checkpoint smaller = presented.size() < trusted.size() ? presented : trusted;
        Checkpoint larger = smaller == presented ? trusted : presented;
        List<byte[]> proof;
        try {
            proof = client.consistencyProof(smaller.size(), larger.size());
        } catch (IOException e) {
            return new Observation.Unavailable("the consistency proof from tree size " + smaller.size() + " to " + larger.size()
                    + " cannot be obtained: " + e.getMessage());
        }
        try {
            MerkleProofs.verifyConsistency(smaller.size(), larger.size(), smaller.rootHash(), larger.rootHash(), proof);
        } catch (ProofException e) {
            return inconsistent(trustedNote.get(), signedNote, encode(proof), "no valid consistency proof from tree size "
                    + smaller.size() + " to " + larger.size() + " (" + e.getMessage() + ")");
        }
        return larger == presented ? adopt(signedNote, presented) : new Observation.Consistent();
    }

    private Observation adopt(String signedNote, Checkpoint checkpoint) {
        database.inTransaction(connection -> {
            LogTables.saveCheckpoint(connection, signedNote, checkpoint.size(), clock.instant());
            return null;
        });
        return new Observation.Adopted();
    }

    private Observation inconsistent(String trustedNote, String presentedNote, String proof, String detail) {
        String message = ALARM_PREFIX + "(" + detail + ")";
        database.inTransaction(connection -> {
            LogTables.recordInconsistency(connection, trustedNote, presentedNote, proof, detail, clock.instant());
            return null;
        });
        alarms.raise(Alarm.Kind.LOG_INCONSISTENT, message, null);
        return new Observation.Inconsistent(message);
    }

    /** The checkpoint of a stored signed note; its signature was verified when it was adopted. */
    static Checkpoint parseStored(String signedNote) {
        try {
            return Checkpoint.parse(signedNote.substring(0, signedNote.lastIndexOf("\n\n") + 1));
        } catch (NoteException | RuntimeException e) {
            throw new IllegalStateException("the checkpoint kept in the store is damaged: " + e.getMessage(), e);
        }
    }

    private static String encode(List<byte[]> proof) {
        StringBuilder text = new StringBuilder();
        for (byte[] hash : proof) {
            text.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        return text.toString();
    }
}
