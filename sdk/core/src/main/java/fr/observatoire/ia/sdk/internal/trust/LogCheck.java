package fr.observatoire.ia.sdk.internal.trust;

import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteException;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.LogInconsistencyException;
import fr.observatoire.ia.sdk.LogVerificationException;
import fr.observatoire.ia.sdk.internal.transport.LogClient;

import java.io.IOException;
import java.util.Optional;

/**
 * An on-demand check of the observatory's log, between receipts: fetches its latest signed checkpoint, verifies
 * the signature and its consistency with the trusted one (which it then replaces if larger).
 */
public final class LogCheck {
    private final LogKeys logKeys;
    private final LogClient client;
    private final CheckpointWitness witness;
    private final Alarms alarms;

    public LogCheck(LogKeys logKeys, LogClient client, CheckpointWitness witness, Alarms alarms) {
        this.logKeys = logKeys;
        this.client = client;
        this.witness = witness;
        this.alarms = alarms;
    }

    /**
     * @return the observatory's latest checkpoint, verified
     * @throws LogInconsistencyException if it contradicts the trusted checkpoint, or an inconsistency was met before
     *                                   (the alarm is persistent: a later consistent answer does not erase it)
     * @throws LogVerificationException  if the check cannot be made (no key, network, bad signature)
     */
    public Checkpoint check() throws LogVerificationException {
        NoteVerifier key;
        String note;
        try {
            key = logKeys.fetchOnFirstUse();
            note = client.checkpoint();
        } catch (IOException e) {
            throw new LogVerificationException("Le journal de l'observatoire ne peut être lu / The observatory's log cannot be"
                    + " read: " + e.getMessage(), e);
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.verify(note, key);
        } catch (NoteException e) {
            throw new LogVerificationException("Le point de contrôle de l'observatoire n'est pas signé par sa clé de journal /"
                    + " The observatory's checkpoint is not signed by its log key " + key.vkey() + ": " + e.getMessage(), e);
        }
        Observation observation = witness.observe(note, checkpoint);
        if (observation instanceof Observation.Inconsistent inconsistent) {
            throw new LogInconsistencyException(inconsistent.message(), witness.trustedNote().orElse(null), note);
        }
        if (observation instanceof Observation.Unavailable unavailable) {
            throw new LogVerificationException(unavailable.reason(), null);
        }
        Optional<Alarm> earlier = alarms.all().stream().filter(a -> a.kind() == Alarm.Kind.LOG_INCONSISTENT).findFirst();
        if (earlier.isPresent()) {
            throw new LogInconsistencyException(earlier.get().message(), witness.trustedNote().orElse(null), null);
        }
        return checkpoint;
    }
}
