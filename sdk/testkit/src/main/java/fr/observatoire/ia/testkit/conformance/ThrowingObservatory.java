package fr.observatoire.ia.testkit.conformance;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.IncidentCounter;
import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link Observatory} broken in every way the contract forbids: each recording call throws an
 * {@link IllegalStateException}. The real one never throws, but a push plugin lives inside the host's request
 * threads, and whatever happens in the SDK must not reach the host: give a plugin (or the host code that records)
 * this observatory and check that the host still answers, then that {@link #calls()} is positive, else the test
 * proved nothing.
 *
 * <p>{@link #activity} and {@link #incidents} either throw at once or, by default, return a handle that throws when
 * counting, so that code which looks its counters up once still meets the failure. {@link PushPluginConformance}
 * uses the default; a host's tests may try both. Thread-safe.
 */
public final class ThrowingObservatory implements Observatory {
    private final boolean failOnLookup;
    private final AtomicInteger calls = new AtomicInteger();

    /** An observatory whose counter lookups succeed and whose every other call, counting included, throws. */
    public ThrowingObservatory() {
        this(false);
    }

    /**
     * @param failOnLookup whether {@link #activity} and {@link #incidents} throw at once ({@code true}) or return a
     *                     handle whose {@code add} throws ({@code false})
     */
    public ThrowingObservatory(boolean failOnLookup) {
        this.failOnLookup = failOnLookup;
    }

    /** How many calls have thrown so far, counting handles' {@code add}. */
    public int calls() {
        return calls.get();
    }

    private IllegalStateException failure() {
        calls.incrementAndGet();
        return new IllegalStateException("observatory failure simulated by the test kit");
    }

    @Override
    public ActivityCounter activity(String usageId, Service service, ActionKind action) {
        if (failOnLookup) {
            throw failure();
        }
        return count -> {
            throw failure();
        };
    }

    @Override
    public IncidentCounter incidents(IncidentCategory category, Severity severity) {
        if (failOnLookup) {
            throw failure();
        }
        return count -> {
            throw failure();
        };
    }

    @Override
    public void agentActive(String usageId, String localAgentId) {
        throw failure();
    }

    @Override
    public void declareInventory(Inventory inventory) {
        throw failure();
    }

    @Override
    public void reportIncident(ReportedIncident incident) {
        throw failure();
    }

    @Override
    public boolean flush(Duration timeout) {
        throw failure();
    }

    @Override
    public void close() {
        throw failure();
    }
}
