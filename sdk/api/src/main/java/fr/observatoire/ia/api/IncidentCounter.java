package fr.observatoire.ia.api;

/** A handle on one incident series (category × severity). Thread-safe, non-blocking, allocation-free. */
public interface IncidentCounter {
    /** Adds {@code count} incidents; negative values are ignored. */
    void add(long count);

    default void increment() {
        add(1);
    }
}
