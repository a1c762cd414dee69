package fr.observatoire.ia.sdk.internal.trust;

import fr.observatoire.ia.protocol.tlog.Checkpoint;

/** What checking a receipt concluded. Only {@link Verified} and {@link Unlogged} acknowledge a declaration. */
public sealed interface ReceiptVerdict {
    /**
     * The declaration is in the log: inclusion proven in a checkpoint signed by the log key.
     *
     * @param logConsistent false when that checkpoint contradicts the trusted one (the log alarm is raised); the
     *                      receipt is still the observatory's signed acknowledgement and is kept as evidence
     */
    record Verified(String signedCheckpoint, Checkpoint checkpoint, boolean logConsistent) implements ReceiptVerdict {
    }

    /** No log anywhere: the observatory gave no log key and the receipt carries no proof (protocol before the log). */
    record Unlogged() implements ReceiptVerdict {
    }

    /** The receipt does not prove what it claims: not an acknowledgement. */
    record Refused(String reason) implements ReceiptVerdict {
    }

    /** The check could not be completed now (log key or consistency proof unavailable). */
    record Undecided(String reason) implements ReceiptVerdict {
    }
}
