package fr.observatoire.ia.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A plugin that reads a source on a schedule. Each {@link #pull} starts from the last committed
 * cursor and returns the counts since then with the new cursor; the SDK commits them together.
 * {@code pull} runs on an SDK thread, one at a time per plugin; it may block on I/O.
 */
public interface PullPlugin extends ObservatoirePlugin {

    /** How often to pull when the configuration says nothing ({@code observatoire.plugins.<name>.interval}). */
    default Duration defaultInterval() {
        return Duration.ofMinutes(15);
    }

    /**
     * Reads what is new since {@code cursor} (empty on the first pull).
     *
     * @throws PluginException when the source cannot be read or answers something unexpected; nothing
     *                         of this pull is committed and the cursor stays where it was
     */
    PullBatch pull(Optional<String> cursor, PullProgress progress) throws PluginException;

    /** Progress of a long pull, for a display; calls are cheap and may be ignored. */
    interface PullProgress {
        PullProgress NONE = (done, total) -> {
        };

        /** {@code total} is negative when unknown. */
        void update(long done, long total);
    }
}
