package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.IncidentCounter;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.model.SourceReport;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * What host threads call: memory only, never I/O, never a lock held across anything slow. Everything recorded
 * waits here until the checkpoint thread drains it; every drop is counted as a loss.
 */
public final class Recorder {
    private static final System.Logger LOG = System.getLogger("fr.observatoire.ia.sdk");
    /** The model's usage-id syntax; ids outside it could never be declared. */
    private static final Pattern USAGE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Individually reported incidents are rare and approved by a person: 1,000 pending is already abnormal. */
    static final int MAX_PENDING_INCIDENTS = 1_000;
    private static final int MAX_SOURCES = 256;
    /** Names of sources contributing usages: a plugin's name, no spaces, no '@' (the host's own entry uses it). */
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final SeriesRegistry<ActivityKey> activity;
    private final SeriesRegistry<IncidentKey> incidents;
    private final SeriesCounter malformedActivity = new SeriesCounter();
    private final AgentTracker agents;
    private final Pseudonymizer pseudonymizer;
    private final LossTally losses = new LossTally();
    private final AtomicReference<Inventory> pendingInventory = new AtomicReference<>();
    private final ArrayBlockingQueue<ReportedIncident> reported = new ArrayBlockingQueue<>(MAX_PENDING_INCIDENTS);
    private final ConcurrentHashMap<String, SourceReport> sources = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<AiUsage>> contributions = new ConcurrentHashMap<>();

    public Recorder(int maxSeries, Pseudonymizer pseudonymizer) {
        this.activity = new SeriesRegistry<>(maxSeries, key -> LOG.log(Level.WARNING,
                "More than {0} distinct activity series: further series (first: {1}) are counted together and reported"
                        + " as a CARDINALITY_OVERFLOW loss. Raise observatoire.max-series if this is expected.", maxSeries, key));
        this.incidents = new SeriesRegistry<>(maxSeries, key -> LOG.log(Level.WARNING,
                "More than {0} distinct incident series: further ones are reported as a CARDINALITY_OVERFLOW loss.", maxSeries));
        this.agents = new AgentTracker(maxSeries);
        this.pseudonymizer = pseudonymizer;
    }

    public ActivityCounter activity(String usageId, Service service, ActionKind action) {
        Objects.requireNonNull(usageId, "usageId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        ActivityKey key = new ActivityKey(usageId, service, action);
        SeriesCounter cached = activity.find(key);
        if (cached != null) {
            return cached;
        }
        // Validated once per series, on first sight, not on every lookup.
        if (!USAGE_ID.matcher(usageId).matches()) {
            // Never thrown: the host keeps working, the count is reported as a loss.
            return malformedActivity;
        }
        return activity.handle(key);
    }

    public IncidentCounter incidents(IncidentCategory category, Severity severity) {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        return incidents.handle(new IncidentKey(category, severity));
    }

    public void agentActive(String usageId, String localAgentId) {
        if (usageId == null || !USAGE_ID.matcher(usageId).matches() || localAgentId == null || localAgentId.isBlank()) {
            losses.record(LossReason.MALFORMED_INPUT, LossKey.API, 1);
            return;
        }
        // The identifier is pseudonymised right here, on the host thread: it never reaches a queue, a log or the store.
        if (!agents.note(usageId, pseudonymizer.pseudonym(localAgentId))) {
            losses.record(LossReason.CARDINALITY_OVERFLOW, LossKey.API, 1);
        }
    }

    /**
     * The pseudonym {@link #agentActive} notes for {@code localAgentId}: for a pull plugin's batch, whose agents are
     * stored in the transaction that commits its cursor rather than through memory.
     */
    public String pseudonym(String localAgentId) {
        return pseudonymizer.pseudonym(localAgentId);
    }

    public void declareInventory(Inventory inventory) {
        if (inventory == null) {
            losses.record(LossReason.MALFORMED_INPUT, LossKey.API, 1);
            return;
        }
        pendingInventory.set(inventory);
    }

    /**
     * Usages a source (a plugin) contributes to the inventory; merged with the host's at checkpoint
     * ({@link InventoryMerge}). A later contribution of the same source replaces its usages of the same id.
     */
    public void contributeUsages(String source, List<AiUsage> usages) {
        if (source == null || !SOURCE_NAME.matcher(source).matches() || usages == null || usages.stream().anyMatch(Objects::isNull)) {
            losses.record(LossReason.MALFORMED_INPUT, LossKey.API, usages == null ? 1 : Math.max(1, usages.size()));
            return;
        }
        if (contributions.size() >= MAX_SOURCES && !contributions.containsKey(source)) {
            losses.record(LossReason.CARDINALITY_OVERFLOW, LossKey.API, usages.size());
            return;
        }
        List<AiUsage> copy = List.copyOf(usages);
        contributions.merge(source, copy, InventoryMerge::upsert);
    }

    public void reportIncident(ReportedIncident incident) {
        if (incident == null) {
            losses.record(LossReason.MALFORMED_INPUT, LossKey.API, 1);
        } else if (!reported.offer(incident)) {
            losses.record(LossReason.QUEUE_OVERFLOW, LossKey.API, 1);
        }
    }

    /** A plugin's report on how it went; the latest report of each source goes with the next declaration. */
    public void reportSource(SourceReport report) {
        if (report == null) {
            return;
        }
        if (sources.size() >= MAX_SOURCES && !sources.containsKey(report.name())) {
            losses.record(LossReason.CARDINALITY_OVERFLOW, LossKey.API, 1);
            return;
        }
        sources.put(report.name(), report);
    }

    public void recordLoss(LossReason reason, String source, long count) {
        if (reason != null) {
            losses.record(reason, source == null || source.isBlank() ? LossKey.API : truncate(source), count);
        }
    }

    /** Takes everything recorded since the last drain. Called by one thread at a time (the checkpointer's lock). */
    public CheckpointBatch drain() {
        Map<ActivityKey, Long> activityCounts = activity.drain();
        Map<IncidentKey, Long> incidentCounts = incidents.drain();
        losses.record(LossReason.CARDINALITY_OVERFLOW, LossKey.API, activity.drainOverflow() + incidents.drainOverflow());
        losses.record(LossReason.MALFORMED_INPUT, LossKey.API, malformedActivity.drain());
        List<ReportedIncident> incidentsReported = new ArrayList<>();
        reported.drainTo(incidentsReported);
        List<SourceReport> sourceReports = new ArrayList<>();
        for (String name : List.copyOf(sources.keySet())) {
            SourceReport report = sources.remove(name);
            if (report != null) {
                sourceReports.add(report);
            }
        }
        Map<String, List<AiUsage>> contributed = new HashMap<>();
        for (String name : List.copyOf(contributions.keySet())) {
            List<AiUsage> usages = contributions.remove(name);
            if (usages != null) {
                contributed.put(name, usages);
            }
        }
        return new CheckpointBatch(activityCounts, incidentCounts, agents.drain(), losses.drain(), incidentsReported,
                pendingInventory.getAndSet(null), sourceReports, contributed);
    }

    /** Puts a batch back after the store refused it, so that a failed checkpoint loses nothing. */
    public void restore(CheckpointBatch batch) {
        activity.restore(batch.activity(), 0);
        incidents.restore(batch.incidents(), 0);
        agents.restore(batch.agents());
        losses.restore(batch.losses());
        for (ReportedIncident incident : batch.reported()) {
            reportIncident(incident);
        }
        if (batch.inventory() != null) {
            pendingInventory.compareAndSet(null, batch.inventory());
        }
        batch.sources().forEach(report -> sources.putIfAbsent(report.name(), report));
        // What a source contributed since the failed checkpoint is newer, so it wins over the batch put back.
        batch.contributions().forEach((name, usages) -> contributions.merge(name, usages, (newer, older) -> InventoryMerge.upsert(older, newer)));
    }

    /** Losses still in memory, for the status. */
    public Map<LossKey, Long> pendingLosses() {
        return losses.peek();
    }

    int activitySeries() {
        return activity.size();
    }

    private static String truncate(String source) {
        return source.length() <= 64 ? source : source.substring(0, 64);
    }
}
