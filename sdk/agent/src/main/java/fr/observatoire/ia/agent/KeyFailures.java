package fr.observatoire.ia.agent;

import fr.observatoire.ia.sdk.KeyOperationException;

/**
 * A key rotation or revocation that did not complete, in the agent's words and exit statuses: not enrolled (4), the
 * observatory refused (3, with its problem), the observatory did not answer for sure (1: what happens next differs
 * for a rotation, which the SDK finishes by itself, and a revocation, which is to be repeated), anything else (1).
 * The SDK's own sentence follows, with the observatory's problem and what happened to the keys.
 */
final class KeyFailures {
    /** The SDK's slug when the observatory was not reached or its answer is unknown. */
    private static final String NETWORK_ERROR = "network-error";
    private static final String NOT_ENROLLED = "not-enrolled";

    private KeyFailures() {
    }

    /** @param operation {@code rotate} or {@code revoke}: the prefix of the messages */
    static AgentException of(String operation, KeyOperationException e, String currentKid, Messages messages) {
        if (NOT_ENROLLED.equals(e.slug())) {
            return new AgentException(ExitCode.NOT_ENROLLED, messages.get("error.not.enrolled"));
        }
        if (e.status() >= 400 && e.status() < 500) {
            return new AgentException(ExitCode.REFUSED, messages.get(operation + ".refused", e.slug(), e.status(), currentKid, e.getMessage()));
        }
        if (NETWORK_ERROR.equals(e.slug())) {
            return new AgentException(ExitCode.FAILURE, messages.get(operation + ".unfinished", currentKid, e.getMessage()));
        }
        return new AgentException(ExitCode.FAILURE, messages.get(operation + ".failed", e.slug(), e.getMessage()));
    }
}
