package fr.observatoire.ia.sdk.internal.store;

import java.util.List;
import java.util.UUID;

/**
 * A signed declaration in the outbox.
 *
 * @param previousJws earlier signatures of the same payload, replaced when the entry was re-signed after a key
 *                    change: the observatory may have logged one of them before the change
 */
public record OutboxEntry(UUID declarationId, long sequence, String periodStart, String payloadHash, String jws,
                          State state, int attempts, List<String> previousJws) {
    /** PENDING until the observatory answers for good: SENT with a receipt, or QUARANTINED on a refusal. */
    public enum State {
        PENDING, SENT, QUARANTINED
    }

    public OutboxEntry {
        previousJws = previousJws == null ? List.of() : List.copyOf(previousJws);
    }

    public OutboxEntry(UUID declarationId, long sequence, String periodStart, String payloadHash, String jws, State state,
                       int attempts) {
        this(declarationId, sequence, periodStart, payloadHash, jws, state, attempts, List.of());
    }

    /** Every JWS this declaration was sent as, the current one first. */
    public List<String> allJws() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(previousJws.size() + 1);
        all.add(jws);
        all.addAll(previousJws);
        return all;
    }
}
