package fr.observatoire.ia.spi;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.IncidentCounter;
import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what a pull produces. Not thread-safe: one builder per pull. {@link #recorder()} exposes it as
 * an {@link Observatory}, so code written against the recording API (a log scanner, say) can fill a batch.
 */
public final class PullBatchBuilder {
    private final Map<PullBatch.ActivityKey, Long> activity = new HashMap<>();
    private final Map<PullBatch.IncidentKey, Long> incidents = new HashMap<>();
    private final Map<String, Set<String>> agents = new HashMap<>();
    private final List<AiUsage> usages = new ArrayList<>();
    private final List<LossCount> losses = new ArrayList<>();
    private long records;
    private String cursor;

    PullBatchBuilder() {
    }

    public PullBatchBuilder activity(String usageId, Service service, ActionKind action, long count) {
        if (count > 0) {
            activity.merge(new PullBatch.ActivityKey(usageId, service, action), count, Long::sum);
        }
        return this;
    }

    public PullBatchBuilder incident(IncidentCategory category, Severity severity, String usageId, long count) {
        if (count > 0) {
            incidents.merge(new PullBatch.IncidentKey(category, severity, usageId), count, Long::sum);
        }
        return this;
    }

    public PullBatchBuilder agentActive(String usageId, String localAgentId) {
        if (usageId != null && localAgentId != null && !localAgentId.isBlank()) {
            agents.computeIfAbsent(usageId, k -> new HashSet<>()).add(localAgentId);
        }
        return this;
    }

    public PullBatchBuilder usage(AiUsage usage) {
        usages.add(usage);
        return this;
    }

    public PullBatchBuilder loss(LossCount loss) {
        losses.add(loss);
        return this;
    }

    public PullBatchBuilder records(long count) {
        records += count;
        return this;
    }

    public PullBatchBuilder cursor(String newCursor) {
        this.cursor = newCursor;
        return this;
    }

    public PullBatch build() {
        return new PullBatch(activity, incidents, agents, usages, losses, records, cursor);
    }

    /** This builder seen through the recording API. A declared inventory adds its usages; individual incidents need a person's approval, so a pull cannot produce them and they are ignored. */
    public Observatory recorder() {
        return new Observatory() {
            @Override
            public ActivityCounter activity(String usageId, Service service, ActionKind action) {
                return count -> PullBatchBuilder.this.activity(usageId, service, action, count);
            }

            @Override
            public IncidentCounter incidents(IncidentCategory category, Severity severity) {
                return count -> PullBatchBuilder.this.incident(category, severity, null, count);
            }

            @Override
            public void agentActive(String usageId, String localAgentId) {
                PullBatchBuilder.this.agentActive(usageId, localAgentId);
            }

            @Override
            public void declareInventory(Inventory inventory) {
                inventory.usages().forEach(PullBatchBuilder.this::usage);
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
        };
    }
}
