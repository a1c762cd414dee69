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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake observatory that records every call it receives, with its arguments, so a test can assert both what was
 * recorded and that nothing else was.
 */
final class RecordingObservatory implements Observatory {
    record Key(String usageId, Service service, ActionKind action) {
    }

    /** One call: the method and its arguments, as the plugin passed them. */
    record Call(String method, List<Object> arguments) {
    }

    final Map<Key, AtomicLong> activity = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<String[]> agents = new CopyOnWriteArrayList<>();
    final List<Inventory> inventories = new CopyOnWriteArrayList<>();

    @Override
    public ActivityCounter activity(String usageId, Service service, ActionKind action) {
        calls.add(new Call("activity", List.of(usageId, service, action)));
        AtomicLong value = activity.computeIfAbsent(new Key(usageId, service, action), k -> new AtomicLong());
        return count -> {
            calls.add(new Call("add", List.of(usageId, service, action, count)));
            if (count > 0) {
                value.addAndGet(count);
            }
        };
    }

    long count(String usageId, Service service, ActionKind action) {
        AtomicLong value = activity.get(new Key(usageId, service, action));
        return value == null ? 0 : value.get();
    }

    long total() {
        return activity.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** How many times a method was called. */
    long calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).count();
    }

    /** Every argument of every call, as text: what a privacy assertion searches. */
    String everythingReceived() {
        List<String> all = new ArrayList<>();
        calls.forEach(c -> all.add(c.method() + c.arguments()));
        return String.join("\n", all);
    }

    @Override
    public IncidentCounter incidents(IncidentCategory category, Severity severity) {
        calls.add(new Call("incidents", List.of(category, severity)));
        return count -> calls.add(new Call("incident-add", List.of(category, severity, count)));
    }

    @Override
    public void agentActive(String usageId, String localAgentId) {
        calls.add(new Call("agentActive", List.of(usageId, localAgentId)));
        agents.add(new String[] {usageId, localAgentId});
    }

    @Override
    public void declareInventory(Inventory inventory) {
        calls.add(new Call("declareInventory", List.of(inventory)));
        inventories.add(inventory);
    }

    @Override
    public void reportIncident(ReportedIncident incident) {
        calls.add(new Call("reportIncident", List.of(incident)));
    }

    @Override
    public boolean flush(Duration timeout) {
        return true;
    }

    @Override
    public void close() {
    }
}
