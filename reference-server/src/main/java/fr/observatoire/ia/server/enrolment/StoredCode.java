package fr.observatoire.ia.server.enrolment;

import java.time.Instant;

/** An enrolment code as the database keeps it (hashed). */
record StoredCode(String codeHash, String siren, State state, Instant expiresAt, String usedByKid) {
    enum State {
        /** Usable until it expires. */
        PENDING,
        /** Enrolled the key {@code usedByKid}. */
        USED,
        /** Replaced by a newer code before being used. */
        SUPERSEDED
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
