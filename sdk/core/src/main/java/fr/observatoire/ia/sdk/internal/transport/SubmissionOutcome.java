package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.Receipt;

import java.time.Duration;

/** How the observatory answered a declaration. */
public sealed interface SubmissionOutcome {
    /** 201, or 200 for a declaration it already had (same receipt). */
    record Accepted(Receipt receipt, boolean duplicate) implements SubmissionOutcome {
    }

    /** Try again later: 429, 5xx, a network error, an unreadable success. */
    record Transient(String reason, Duration retryAfter) implements SubmissionOutcome {
    }

    /** Refused for good (other 4xx): retrying the same bytes would be refused again. */
    record Rejected(int status, Problem problem, String description) implements SubmissionOutcome {
    }
}
