package fr.observatoire.ia.server.index;

import java.time.Duration;

/**
 * How much of one thread the background indexer may take while declarations keep arriving: after a chunk that
 * took {@code spent}, it pauses so that working time is {@code busyShare} of the whole. Indexing is derived work
 * (statistics and the public register can trail; acceptance, storage and the log cannot), and on a small machine
 * an unpaced indexer takes a core from the declarations' path during a flood. When nothing arrives it runs flat out.
 *
 * @param busyShare the share of time the indexer works while ingestion is active, in (0, 1]; 1 means never pause
 */
public record Pacing(double busyShare) {
    /** Longest single pause, so that a slow chunk (a database hiccup) does not stall the statistics for long. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    public Pacing {
        if (!(busyShare > 0 && busyShare <= 1)) {
            throw new IllegalArgumentException("observatoire.index.busy-share must be in (0, 1] (1: the indexer never steps aside),"
                    + " got " + busyShare);
        }
    }

    /** The pause after a chunk that took {@code spent}: zero when ingestion is idle or the share is 1. */
    public Duration pauseAfter(Duration spent, boolean ingestionActive) {
        if (!ingestionActive || busyShare == 1) {
            return Duration.ZERO;
        }
        double pauseNanos = spent.toNanos() * (1 - busyShare) / busyShare;
        return pauseNanos >= MAX_PAUSE.toNanos() ? MAX_PAUSE : Duration.ofNanos((long) pauseNanos);
    }
}
