package fr.observatoire.ia.sdk;

/**
 * Enrolment did not succeed. The message is a sentence a DSI can act on, in French and English; {@link #slug()}
 * is the observatory's stable problem type (e.g. {@code enrolment-code-invalid}) or one of the SDK's own:
 * {@code network-error}, {@code unexpected-response}, {@code sdk-disabled}, {@code local-error}.
 */
public class EnrolmentException extends Exception {
    private final String slug;
    private final int status;
    private final String detail;

    public EnrolmentException(String slug, int status, String message, String detail, Throwable cause) {
        super(message, cause);
        this.slug = slug;
        this.status = status;
        this.detail = detail;
    }

    /** The problem type's slug. */
    public String slug() {
        return slug;
    }

    /** The HTTP status, or 0 when the observatory was not reached. */
    public int status() {
        return status;
    }

    /** The observatory's own detail, or null. */
    public String detail() {
        return detail;
    }
}
