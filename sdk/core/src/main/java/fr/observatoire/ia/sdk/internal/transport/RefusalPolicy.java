package fr.observatoire.ia.sdk.internal.transport;

/**
 * What the sender does with each refusal of a declaration. A refusal is quarantined only when sending the same
 * bytes again can never succeed; when time (an earlier declaration arriving, the clock) or a key change on our side
 * can fix it, the declaration stays pending, since a signed declaration is never dropped.
 */
enum RefusalPolicy {
    /** Refused for good: kept in the store as evidence, reported as a loss by the next declaration. */
    QUARANTINE,
    /** {@code sequence-gap}: the observatory waits for an earlier declaration that may still arrive; retry with backoff. */
    RETRY_WITH_BACKOFF,
    /** {@code issued-in-future}: our clock is ahead; retry slowly, the observatory's clock will catch up. */
    WAIT_FOR_CLOCK,
    /** {@code key-retired}, {@code key-revoked}: re-signing with the current key fixes it, or a person enrols again. */
    KEY_PROBLEM;

    static RefusalPolicy of(String slug) {
        if (slug == null) {
            return QUARANTINE;
        }
        return switch (slug) {
            case "sequence-gap" -> RETRY_WITH_BACKOFF;
            case "issued-in-future" -> WAIT_FOR_CLOCK;
            case "key-retired", "key-revoked" -> KEY_PROBLEM;
            default -> QUARANTINE;
        };
    }
}
