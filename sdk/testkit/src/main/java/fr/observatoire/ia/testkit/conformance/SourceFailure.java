package fr.observatoire.ia.testkit.conformance;

import java.util.Optional;

/**
 * The ways a source fails that every pull plugin must survive. A {@link SourceFixture} simulates each one it can
 * (see {@link SourceFixture#failureModes()}).
 */
public enum SourceFailure {
    /** Nothing answers: connection refused or reset, or the file is gone. Expected to go away by itself. */
    DOWN(true),
    /** The source refuses the credentials (HTTP 401, an expired token): a person must act. */
    UNAUTHORIZED(false),
    /** The source answers an error (HTTP 500, 503). Expected to go away by itself. */
    SERVER_ERROR(true),
    /**
     * The source answers something that is not its data: an HTML login or error page, truncated or invalid JSON,
     * binary bytes in a text log. Either way of handling it is fine (a failure, or for line-based sources a batch
     * that reports the unreadable records as losses), but never another exception.
     */
    GARBAGE(null),
    /** The source accepts the connection and never answers: the plugin's own timeout must cut the pull. */
    TIMEOUT(true);

    private final Boolean transientExpected;

    SourceFailure(Boolean transientExpected) {
        this.transientExpected = transientExpected;
    }

    /**
     * Whether the plugin's {@link fr.observatoire.ia.spi.PluginException} must say the failure is transient (the
     * SDK retries at the next tick without alarming anyone) or not (a DSI must fix something); empty when either is
     * acceptable.
     */
    public Optional<Boolean> transientExpected() {
        return Optional.ofNullable(transientExpected);
    }
}
