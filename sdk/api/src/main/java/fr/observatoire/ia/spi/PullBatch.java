package fr.observatoire.ia.spi;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one pull produced, applied atomically with its cursor. Build it with {@link #builder()}.
 *
 * @param activity       increments per (usage, service, action)
 * @param incidents      increments per (category, severity, usage or null)
 * @param agents         local agent identifiers per usage; the SDK pseudonymises them on arrival and
 *                       only a band per usage ever leaves
 * @param usages         usages the source revealed, merged into the inventory if absent from it
 * @param losses         what the plugin had to drop (malformed records…)
 * @param records        how many source records were read
 * @param cursor         where the next pull starts; null keeps the previous cursor
 */
public record PullBatch(Map<ActivityKey, Long> activity, Map<IncidentKey, Long> incidents,
                        Map<String, Set<String>> agents, List<AiUsage> usages, List<LossCount> losses, long records,
                        String cursor) {

    public PullBatch {
        activity = Map.copyOf(activity);
        incidents = Map.copyOf(incidents);
        agents = Map.copyOf(agents);
        usages = List.copyOf(usages);
        losses = List.copyOf(losses);
    }

    public static PullBatchBuilder builder() {
        return new PullBatchBuilder();
    }

    /** The key of an activity series. */
    public record ActivityKey(String usageId, Service service, ActionKind action) {
        public ActivityKey {
            Objects.requireNonNull(usageId, "usageId");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(action, "action");
        }
    }

    /** The key of an incident series; {@code usageId} may be null. */
    public record IncidentKey(IncidentCategory category, Severity severity, String usageId) {
        public IncidentKey {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(severity, "severity");
        }
    }
}
