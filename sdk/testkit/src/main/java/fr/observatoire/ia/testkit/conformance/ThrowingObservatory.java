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
 * An observatory broken in every way it can be: each recording call throws. The real one never throws, but a push
 * plugin lives inside the host's request threads, and whatever happens in the SDK must not reach the host.
 */
final class ThrowingObservatory implements Observatory {
    private final AtomicInteger calls = new AtomicInteger();

    int calls() {
        return calls.get();
    }

    private IllegalStateException failure() {
        calls.incrementAndGet();
        return new IllegalStateException("observatory failure simulated by the conformance suite");
    }

    @Override
    public ActivityCounter activity(String usageId, Service service, ActionKind action) {
        // Handles are returned, so that a plugin that takes its counters once still meets the failure when counting.
        return count -> {
            throw failure();
        };
    }

    @Override
    public IncidentCounter incidents(IncidentCategory category, Severity severity) {
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
