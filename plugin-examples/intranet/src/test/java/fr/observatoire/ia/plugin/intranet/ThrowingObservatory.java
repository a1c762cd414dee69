package fr.observatoire.ia.plugin.intranet;

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

/** An observatory broken in every way the contract forbids: each method, and each handle it returns, throws. */
final class ThrowingObservatory implements Observatory {
    /** Whether {@link #activity} throws at once, or returns a handle whose {@code add} throws. */
    private final boolean failOnLookup;
    final AtomicInteger attempts = new AtomicInteger();

    ThrowingObservatory(boolean failOnLookup) {
        this.failOnLookup = failOnLookup;
    }

    private RuntimeException failure() {
        attempts.incrementAndGet();
        return new IllegalStateException("observatory broken on purpose");
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
        throw failure();
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
