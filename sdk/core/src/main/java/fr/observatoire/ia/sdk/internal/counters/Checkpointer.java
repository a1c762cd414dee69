package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.declare.PeriodCalendar;
import fr.observatoire.ia.sdk.internal.store.ChainTables;
import fr.observatoire.ia.sdk.internal.store.Database;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Moves what was recorded in memory into the store, in one transaction, so that a crash loses at most one
 * checkpoint interval. If the store refuses, the batch goes back into memory and waits for the next try.
 */
public final class Checkpointer {
    private static final String TOPIC = "checkpoint";

    private final Recorder recorder;
    private final Database database;
    private final PeriodCalendar calendar;
    private final Clock clock;
    private final Health health;
    private LocalDate lastAlive;

    public Checkpointer(Recorder recorder, Database database, PeriodCalendar calendar, Clock clock, Health health) {
        this.recorder = recorder;
        this.database = database;
        this.calendar = calendar;
        this.clock = clock;
        this.health = health;
    }

    /**
     * Synchronized: two concurrent drains would each be correct, but the period-alive bookkeeping and the order
     * of inventory versions are simpler to reason about with one checkpoint at a time. Never throws.
     *
     * @return true if everything recorded before the call is now in the store
     */
    public synchronized boolean checkpoint() {
        CheckpointBatch batch = recorder.drain();
        try {
            Period period = database.inTransaction(connection -> {
                Period receiving = calendar.receiving(ChainTables.read(connection));
                CounterTables.write(connection, receiving.start(), batch, clock.instant());
                if (!receiving.start().equals(lastAlive)) {
                    CounterTables.markAlive(connection, receiving.start());
                }
                return receiving;
            });
            lastAlive = period.start();
            health.recovered(TOPIC, "Checkpoints to the local store work again.");
            return true;
        } catch (RuntimeException e) {
            recorder.restore(batch);
            health.problem(TOPIC, "Cannot write recorded counts to the local store (" + e.getMessage()
                    + "); they stay in memory and the next checkpoint tries again. Check the disk of the data directory.", e);
            return false;
        }
    }
}
