package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.LossReason;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Losses counted in memory until the next checkpoint stores them; every drop the SDK makes goes through here. */
final class LossTally {
    /** Plugin names are free text: bound the number of loss series like any other. */
    private static final int MAX_SOURCES = 256;
    private final ConcurrentHashMap<LossKey, LongAdder> losses = new ConcurrentHashMap<>();

    void record(LossReason reason, String source, long count) {
        if (count <= 0) {
            return;
        }
        LossKey key = new LossKey(reason, source);
        LongAdder adder = losses.get(key);
        if (adder == null) {
            if (losses.size() >= MAX_SOURCES) {
                key = new LossKey(reason, "other");
            }
            adder = losses.computeIfAbsent(key, k -> new LongAdder());
        }
        adder.add(count);
    }

    Map<LossKey, Long> drain() {
        Map<LossKey, Long> drained = new HashMap<>();
        losses.forEach((key, adder) -> {
            long count = adder.sumThenReset();
            if (count != 0) {
                drained.put(key, count);
            }
        });
        return drained;
    }

    void restore(Map<LossKey, Long> counts) {
        counts.forEach((key, count) -> losses.computeIfAbsent(key, k -> new LongAdder()).add(count));
    }

    /** Current in-memory losses, without resetting them (for the status). */
    Map<LossKey, Long> peek() {
        Map<LossKey, Long> snapshot = new HashMap<>();
        losses.forEach((key, adder) -> {
            long count = adder.sum();
            if (count != 0) {
                snapshot.put(key, count);
            }
        });
        return snapshot;
    }
}
