package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.protocol.messages.Problem;

/**
 * How the observatory answered a key rotation or revocation. {@link Unknown} matters: the request may or may not
 * have been applied, so the caller must keep what it needs to finish or repeat it.
 */
public sealed interface KeyCallOutcome<T> {
    /** 2xx: applied (201), or already applied with the same request (200). */
    record Done<T>(T answer, int status) implements KeyCallOutcome<T> {
    }

    /** A 4xx refusal: nothing was changed by this request. */
    record Refused<T>(int status, Problem problem, String description) implements KeyCallOutcome<T> {
        public String slug() {
            return problem == null || problem.slug() == null ? "http-" + status : problem.slug();
        }
    }

    /** A network error, a 5xx or an unreadable answer: the observatory may have applied it or not. */
    record Unknown<T>(String reason) implements KeyCallOutcome<T> {
    }
}
