package fr.observatoire.ia.testkit;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.IncidentCounter;
import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.spi.PullBatch.ActivityKey;
import fr.observatoire.ia.spi.PullBatch.IncidentKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An {@link Observatory} that records every call, for tests of code that records (push plugins, host
 * applications): what was counted, which agents were seen, which inventories and incidents were declared, and
 * the raw list of calls with their arguments, so a test can also assert that nothing else was recorded.
 * Thread-safe; like the real one it never throws (negative counts are ignored).
 */
public final class RecordingObservatory implements Observatory {
    /** One call as the caller made it: a method name and its arguments ({@code add} for a counter's increment). */
    public record Call(String method, List<Object> arguments) {
        public Call {
            // Not List.copyOf: a null argument is part of what the caller did.
            arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<ActivityKey, Long> activity = new HashMap<>();
    private final Map<IncidentKey, Long> incidents = new HashMap<>();
    private final Map<String, Set<String>> agents = new HashMap<>();
    private final List<Inventory> inventories = new ArrayList<>();
    private final List<ReportedIncident> reportedIncidents = new ArrayList<>();
    private int flushes;
    private boolean closed;

    @Override
    public ActivityCounter activity(String usageId, Service service, ActionKind action) {
        ActivityKey key = new ActivityKey(usageId, service, action);
        call("activity", usageId, service, action);
        return count -> {
            call("add", usageId, service, action, count);
            if (count > 0) {
                synchronized (this) {
                    activity.merge(key, count, Long::sum);
                }
            }
        };
    }

    @Override
    public IncidentCounter incidents(IncidentCategory category, Severity severity) {
        IncidentKey key = new IncidentKey(category, severity, null);
        call("incidents", category, severity);
        return count -> {
            call("add", category, severity, count);
            if (count > 0) {
                synchronized (this) {
                    incidents.merge(key, count, Long::sum);
                }
            }
        };
    }

    @Override
    public synchronized void agentActive(String usageId, String localAgentId) {
        call("agentActive", usageId, localAgentId);
        if (usageId != null && localAgentId != null) {
            agents.computeIfAbsent(usageId, k -> new TreeSet<>()).add(localAgentId);
        }
    }

    @Override
    public synchronized void declareInventory(Inventory inventory) {
        call("declareInventory", inventory);
        inventories.add(inventory);
    }

    @Override
    public synchronized void reportIncident(ReportedIncident incident) {
        call("reportIncident", incident);
        reportedIncidents.add(incident);
    }

    @Override
    public synchronized boolean flush(Duration timeout) {
        call("flush", timeout);
        flushes++;
        return true;
    }

    @Override
    public synchronized void close() {
        call("close");
        closed = true;
    }

    /** The count recorded for one activity series (0 if none). */
    public synchronized long count(String usageId, Service service, ActionKind action) {
        return activity.getOrDefault(new ActivityKey(usageId, service, action), 0L);
    }

    public synchronized Map<ActivityKey, Long> activity() {
        return Map.copyOf(activity);
    }

    /** Incident counts; the usage of the key is always null (the recording API has none). */
    public synchronized Map<IncidentKey, Long> incidents() {
        return Map.copyOf(incidents);
    }

    /** The local agent ids seen per usage, as the caller passed them (the SDK would pseudonymise them). */
    public synchronized Map<String, Set<String>> agents() {
        Map<String, Set<String>> copy = new HashMap<>();
        agents.forEach((usage, ids) -> copy.put(usage, Set.copyOf(ids)));
        return Map.copyOf(copy);
    }

    public synchronized List<Inventory> inventories() {
        return List.copyOf(inventories);
    }

    public synchronized List<ReportedIncident> reportedIncidents() {
        return List.copyOf(reportedIncidents);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized int flushes() {
        return flushes;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Everything recorded that would leave the collectivité, as text for a privacy check: every call and its
     * arguments, except the local agent ids of {@code agentActive}, which the SDK pseudonymises on arrival and
     * which never leave (only a band per usage does).
     */
    public synchronized String leavingText() {
        StringBuilder text = new StringBuilder();
        for (Call call : calls) {
            List<Object> arguments = call.method().equals("agentActive") ? call.arguments().subList(0, 1) : call.arguments();
            text.append(call.method()).append(arguments).append('\n');
        }
        return text.toString();
    }

    /** Forgets everything recorded. */
    public synchronized void clear() {
        calls.clear();
        activity.clear();
        incidents.clear();
        agents.clear();
        inventories.clear();
        reportedIncidents.clear();
        flushes = 0;
        closed = false;
    }

    private synchronized void call(String method, Object... arguments) {
        calls.add(new Call(method, Arrays.asList(arguments)));
    }
}
