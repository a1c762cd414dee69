package fr.observatoire.ia.api;

/** A handle on one activity series. Thread-safe, non-blocking, allocation-free. */
public interface ActivityCounter {
    /** Adds {@code count} actions; negative values are ignored. */
    void add(long count);

    default void increment() {
        add(1);
    }
}
