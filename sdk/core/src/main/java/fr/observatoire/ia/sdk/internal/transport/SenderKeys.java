package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.sdk.internal.store.OutboxEntry;

/** What the sender needs from the key lifecycle, without depending on how keys are rotated or revoked. */
public interface SenderKeys {
    /**
     * Before a send: finishes an interrupted rotation if one is pending, and re-signs the entry if the current key
     * is not the one that signed it. Never throws.
     *
     * @return the entry to send (re-read if it was re-signed)
     */
    OutboxEntry prepare(OutboxEntry entry);

    /**
     * The observatory refused the entry's key ({@code key-retired} or {@code key-revoked}).
     *
     * @return true when the entry now carries another signature worth sending at once; false when a person must act
     *         (an alarm says what)
     */
    boolean refused(OutboxEntry entry, String slug);

    /**
     * Whether a key can sign what is sent: one is enrolled, or a rotation waits to be finished. False after a
     * revocation, until the next enrolment, which wakes the sender: sending meanwhile would only be refused again.
     */
    default boolean canSign() {
        return true;
    }

    /** No key lifecycle: the entry is sent as it is. For tests of the transport alone. */
    SenderKeys NONE = new SenderKeys() {
        @Override
        public OutboxEntry prepare(OutboxEntry entry) {
            return entry;
        }

        @Override
        public boolean refused(OutboxEntry entry, String slug) {
            return false;
        }
    };
}
