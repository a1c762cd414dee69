package fr.observatoire.ia.sdk.internal;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Problems met on background threads, logged so that an outage fills no log: the first failure of a kind at
 * WARNING, repeats at DEBUG, the recovery at INFO. Keeps the last message for the status.
 *
 * <p>Logging goes through {@link System.Logger}: no logging framework becomes a dependency of the host (the
 * anchors list dependency conflicts among telemetry SDKs' top complaints). It reaches java.util.logging by
 * default, and the host's own framework when it installs a {@code System.LoggerFinder}
 * (slf4j-jdk-platform-logging, log4j-jpl), without any configuration on our side.
 */
public final class Health {
    public static final System.Logger LOG = System.getLogger("fr.observatoire.ia.sdk");

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    /** Records a problem of kind {@code topic}; {@code message} is a sentence an operator can act on. */
    public void problem(String topic, String message, Throwable cause) {
        lastError.set(message);
        if (failing.add(topic)) {
            LOG.log(Level.WARNING, message, cause);
        } else {
            LOG.log(Level.DEBUG, message, cause);
        }
    }

    /** Records that {@code topic} works again. */
    public void recovered(String topic, String message) {
        if (failing.remove(topic)) {
            LOG.log(Level.INFO, message);
        }
    }

    /** Keeps {@code message} as the last error without logging it (the caller logged it already). */
    public void note(String message) {
        lastError.set(message);
    }

    public String lastError() {
        return lastError.get();
    }
}
