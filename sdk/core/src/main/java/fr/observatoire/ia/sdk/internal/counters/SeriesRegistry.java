package fr.observatoire.ia.sdk.internal.counters;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Handles by series key, with a cardinality cap: beyond {@code maxSeries} distinct keys, new keys get the one
 * overflow handle, whose count is reported as a loss, so that memory stays bounded whatever the host sends
 * (OpenTelemetry's cardinality limit, 2,000 by default, works the same way).
 *
 * <p>Series are never removed: a handle the host cached must keep counting. The cap therefore bounds the
 * series ever seen since start, not per period.
 */
final class SeriesRegistry<K> {
    private final ConcurrentHashMap<K, SeriesCounter> series = new ConcurrentHashMap<>();
    private final SeriesCounter overflow = new SeriesCounter();
    private final int maxSeries;
    private final Consumer<K> onFirstOverflow;
    private volatile boolean overflowed;

    SeriesRegistry(int maxSeries, Consumer<K> onFirstOverflow) {
        this.maxSeries = maxSeries;
        this.onFirstOverflow = onFirstOverflow;
    }

    /** The handle of a known series, or null. */
    SeriesCounter find(K key) {
        return series.get(key);
    }

    SeriesCounter handle(K key) {
        SeriesCounter existing = series.get(key);
        if (existing != null) {
            return existing;
        }
        // The size check and the insertion are not atomic: a few racing threads may overshoot the cap by
        // at most their number, which bounds memory just as well and keeps the lookup lock-free.
        if (series.size() >= maxSeries) {
            if (!overflowed) {
                overflowed = true;
                onFirstOverflow.accept(key);
            }
            return overflow;
        }
        return series.computeIfAbsent(key, k -> new SeriesCounter());
    }

    /** Non-zero counts since the last drain, reset to zero. */
    Map<K, Long> drain() {
        Map<K, Long> counts = new HashMap<>();
        series.forEach((key, counter) -> {
            long count = counter.drain();
            if (count != 0) {
                counts.put(key, count);
            }
        });
        return counts;
    }

    long drainOverflow() {
        return overflow.drain();
    }

    void restore(Map<K, Long> counts, long overflowCount) {
        counts.forEach((key, count) -> series.computeIfAbsent(key, k -> new SeriesCounter()).restore(count));
        overflow.restore(overflowCount);
    }

    int size() {
        return series.size();
    }
}
