package fr.observatoire.ia.plugin.squid;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A fake observatory that records what the plugin hands it. */
final class RecordingObservatory implements Observatory {
    record Key(String usageId, Service service, ActionKind action) {
    }

    final Map<Key, AtomicLong> activity = new ConcurrentHashMap<>();
    final AtomicInteger handleLookups = new AtomicInteger();
    /** (usageId, localAgentId) pairs, in order: what the SDK would pseudonymise. */
    final List<String[]> agents = new ArrayList<>();
    Inventory inventory;

    @Override
    public ActivityCounter activity(String usageId, Service service, ActionKind action) {
        handleLookups.incrementAndGet();
        AtomicLong value = activity.computeIfAbsent(new Key(usageId, service, action), k -> new AtomicLong());
        return count -> {
            if (count > 0) {
                value.addAndGet(count);
            }
        };
    }

    long count(String usageId, Service service) {
        AtomicLong value = activity.get(new Key(usageId, service, ActionKind.WEB_ACCESS));
        return value == null ? 0 : value.get();
    }

    long total(String usageId) {
        return activity.entrySet().stream().filter(e -> e.getKey().usageId().equals(usageId))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    long total() {
        return activity.values().stream().mapToLong(AtomicLong::get).sum();
    }

    synchronized Set<String> agentsOf(String usageId) {
        Set<String> result = new HashSet<>();
        for (String[] pair : agents) {
            if (pair[0].equals(usageId)) {
                result.add(pair[1]);
            }
        }
        return result;
    }

    @Override
    public IncidentCounter incidents(IncidentCategory category, Severity severity) {
        return count -> { };
    }

    @Override
    public synchronized void agentActive(String usageId, String localAgentId) {
        agents.add(new String[] {usageId, localAgentId});
    }

    @Override
    public void declareInventory(Inventory inventory) {
        this.inventory = inventory;
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
}
