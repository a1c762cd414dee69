package fr.observatoire.ia.sdk;

/**
 * The observatory's transparency log could not be checked: no log key is known, the observatory cannot be
 * reached, or it answered something that is not a valid signed checkpoint or proof. Nothing is concluded about
 * the log's honesty; see {@link LogInconsistencyException} for that.
 */
public class LogVerificationException extends Exception {
    public LogVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
