package fr.observatoire.ia.sdk;

/**
 * A key rotation or revocation did not complete. The message says, in French and English, what happened to the
 * keys and what to do; {@link #slug()} is the observatory's problem type or one of the SDK's own:
 * {@code not-enrolled}, {@code network-error}, {@code unexpected-response}, {@code sdk-disabled}, {@code local-error}.
 */
public class KeyOperationException extends Exception {
    private final String slug;
    private final int status;

    public KeyOperationException(String slug, int status, String message, Throwable cause) {
        super(message, cause);
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    /** The HTTP status, or 0 when the observatory was not reached or did not answer with a refusal. */
    public int status() {
        return status;
    }
}
