package fr.observatoire.ia.api;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;

import java.time.Duration;

/** The observatory of a host where the SDK is absent or disabled. */
enum NoopObservatory implements Observatory, ActivityCounter, IncidentCounter {
    INSTANCE;

    @Override
    public ActivityCounter activity(String usageId, Service service, ActionKind action) {
        return this;
    }

    @Override
    public IncidentCounter incidents(IncidentCategory category, Severity severity) {
        return this;
    }

    @Override
    public void agentActive(String usageId, String localAgentId) {
    }

    @Override
    public void declareInventory(Inventory inventory) {
    }

    @Override
    public void reportIncident(ReportedIncident incident) {
    }

    @Override
    public boolean flush(Duration timeout) {
        return true;
    }

    @Override
    public void close() {
    }

    @Override
    public void add(long count) {
    }

    @Override
    public void increment() {
    }
}
