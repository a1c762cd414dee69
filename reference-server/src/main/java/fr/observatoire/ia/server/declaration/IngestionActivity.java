package fr.observatoire.ia.server.declaration;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * When this instance last stored declarations: the signal by which background work (the statistics indexer)
 * steps aside while declarations keep arriving, so that a flood is accepted first and indexed after.
 */
@ApplicationScoped
public class IngestionActivity {
    /** {@link System#nanoTime()} of the last write; a value far in the past until the first one. */
    private volatile long lastWriteNanos = System.nanoTime() - Duration.ofDays(1).toNanos();

    void wrote() {
        lastWriteNanos = System.nanoTime();
    }

    /** Whether declarations were stored within {@code window} before now. */
    public boolean activeWithin(Duration window) {
        return System.nanoTime() - lastWriteNanos <= window.toNanos();
    }
}
