package fr.observatoire.ia.sdk.internal.store;

import java.util.UUID;

/** A signed declaration in the outbox. */
public record OutboxEntry(UUID declarationId, long sequence, String periodStart, String payloadHash, String jws,
                          State state, int attempts) {
    /** PENDING until the observatory answers for good: SENT with a receipt, or QUARANTINED on a refusal. */
    public enum State {
        PENDING, SENT, QUARANTINED
    }
}
