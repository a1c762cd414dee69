package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.IncidentCounter;

import java.util.concurrent.atomic.LongAdder;

/**
 * The handle a host keeps: a {@link LongAdder}, so that concurrent {@code add}s from host threads neither lock
 * nor contend on one cache line, and allocate nothing once the adder's cells exist.
 */
public final class SeriesCounter implements ActivityCounter, IncidentCounter {
    private final LongAdder adder = new LongAdder();

    @Override
    public void add(long count) {
        if (count > 0) {
            adder.add(count);
        }
    }

    @Override
    public void increment() {
        adder.increment();
    }

    /**
     * Takes the count and resets it. Exact under concurrent adds: since Java 9 {@code sumThenReset} swaps each
     * cell with {@code getAndSet(0)}, so an add lands either in this drain or in the next, never in neither.
     */
    long drain() {
        return adder.sumThenReset();
    }

    /** Puts back a drained count that could not be stored. */
    void restore(long count) {
        adder.add(count);
    }
}
