package fr.observatoire.ia.spi;

/**
 * A plugin's failure, with a message a DSI can act on (which URL, which setting, what was answered)
 * and without any raw data from the source (no ticket text, no user name).
 */
public class PluginException extends Exception {
    private final boolean transientFailure;

    public PluginException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public PluginException(String message) {
        this(message, false, null);
    }

    /** A failure expected to go away by itself (source down, timeout): the pull is retried at the next tick. */
    public static PluginException transientFailure(String message, Throwable cause) {
        return new PluginException(message, true, cause);
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
