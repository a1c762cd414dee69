package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.SourceReport;

import java.util.List;
import java.util.Map;

/**
 * Everything drained from memory by one checkpoint, written to the store in one transaction (or put back if
 * that fails).
 *
 * @param inventory     the inventory declared since the last checkpoint, or null
 * @param contributions usages contributed since the last checkpoint, per source
 */
public record CheckpointBatch(Map<ActivityKey, Long> activity, Map<IncidentKey, Long> incidents,
                              Map<String, List<String>> agents, Map<LossKey, Long> losses,
                              List<ReportedIncident> reported, Inventory inventory, List<SourceReport> sources,
                              Map<String, List<AiUsage>> contributions) {

    /** True when nothing was recorded: such a checkpoint starts no tracking. */
    public boolean isEmpty() {
        return activity.isEmpty() && incidents.isEmpty() && agents.isEmpty() && losses.isEmpty() && reported.isEmpty()
                && inventory == null && sources.isEmpty() && contributions.isEmpty();
    }
}
