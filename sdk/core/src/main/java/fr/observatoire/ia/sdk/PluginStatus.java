package fr.observatoire.ia.sdk;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one enabled plugin stands, for an operator. Times are null when the thing never happened; the last
 * success, failure and problem survive restarts (they are kept in the store with the cursor).
 *
 * @param name                the name in {@value PluginSettings#ENABLED}
 * @param version             the plugin's version, null if it was not found
 * @param kind                PULL or PUSH, null if it was not found
 * @param state               see {@link State}
 * @param interval            time between scheduled pulls (null for a push plugin or a disabled one)
 * @param lastSuccess         end of the last pull committed
 * @param lastFailure         end of the last pull that failed
 * @param problem             why it is disabled, or the message of the last failure (even if a success followed)
 * @param consecutiveFailures failed pulls since the last success
 * @param lastRecords         records the last successful pull read
 * @param nextPull            when the next scheduled pull is due, null when not scheduled
 */
public record PluginStatus(String name, String version, Kind kind, State state, Duration interval, Instant lastSuccess,
                           Instant lastFailure, String problem, int consecutiveFailures, long lastRecords, Instant nextPull) {

    public enum Kind {
        /** Reads a source on a schedule. */
        PULL,
        /** Records from inside the host as things happen. */
        PUSH
    }

    public enum State {
        /** Started; a pull plugin that has not pulled yet. */
        STARTED,
        /** The last pull was committed. */
        OK,
        /** The last pull failed; its cursor stays where it was and it is tried again. */
        FAILING,
        /** Not running: not found, built for another SPI version, or its start failed ({@link #problem} says which). */
        DISABLED
    }

    public boolean healthy() {
        return state == State.STARTED || state == State.OK;
    }
}
