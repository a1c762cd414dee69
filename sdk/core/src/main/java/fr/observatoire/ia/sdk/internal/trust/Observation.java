package fr.observatoire.ia.sdk.internal.trust;

/** What comparing a newly verified checkpoint with the last trusted one showed. */
public sealed interface Observation {
    /** The first checkpoint, or a larger one proven to extend the trusted one: it is now the trusted one. */
    record Adopted() implements Observation {
    }

    /** The same checkpoint, or an older one proven to be a prefix of the trusted one: nothing changes. */
    record Consistent() implements Observation {
    }

    /** Two versions of the log that cannot both be true; the evidence is kept and the alarm raised. */
    record Inconsistent(String message) implements Observation {
    }

    /** The consistency proof could not be obtained (network, malformed answer): nothing can be concluded yet. */
    record Unavailable(String reason) implements Observation {
    }
}
