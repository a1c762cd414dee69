package fr.observatoire.ia.sdk.internal.declare;

import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.Incidents;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.Provenance;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.sdk.internal.counters.ActivityKey;
import fr.observatoire.ia.sdk.internal.counters.AgentBands;
import fr.observatoire.ia.sdk.internal.counters.IncidentKey;
import fr.observatoire.ia.sdk.internal.counters.LossKey;
import fr.observatoire.ia.sdk.internal.store.ChainState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds a declaration from what the store holds. A pure function: same inputs, same declaration, same bytes
 * (every list is sorted), which keeps the DPO's preview and the declaration that leaves comparable.
 */
public final class DeclarationAssembler {
    static final String NOT_RUNNING = "Le SDK ne fonctionnait pas pendant cette période / the SDK was not running during this period";

    private DeclarationAssembler() {
    }

    /**
     * @param chain the chain state before this declaration: it gets {@code lastSequence + 1} and chains to {@code lastHash}
     */
    public static Declaration assemble(Period period, PeriodData data, Inventory inventory, Declarant declarant,
                                       ChainState chain, UUID id, Instant issuedAt) {
        List<ActivityCount> activity = new ArrayList<>();
        long unknownUsage = 0;
        long apiRecords = 0;
        for (Map.Entry<ActivityKey, Long> entry : data.activity().entrySet()) {
            ActivityKey key = entry.getKey();
            apiRecords += entry.getValue();
            if (inventory.usage(key.usageId()).isPresent()) {
                activity.add(new ActivityCount(key.usageId(), key.service(), key.action(), entry.getValue()));
            } else {
                // A count for a usage the inventory does not describe cannot be interpreted by the observatory:
                // it travels as a loss, so the declaration stays complete about its own incompleteness.
                unknownUsage += entry.getValue();
            }
        }
        activity.sort(Comparator.comparing(ActivityCount::usageId).thenComparing(ActivityCount::service)
                .thenComparing(ActivityCount::action));

        List<ActiveAgents> agents = new ArrayList<>();
        new TreeMap<>(data.distinctAgents()).forEach((usageId, count) -> {
            if (inventory.usage(usageId).isPresent()) {
                agents.add(new ActiveAgents(usageId, AgentBands.band(count)));
            }
        });

        List<IncidentCount> incidentCounts = new ArrayList<>();
        for (Map.Entry<IncidentKey, Long> entry : data.incidents().entrySet()) {
            apiRecords += entry.getValue();
            incidentCounts.add(new IncidentCount(entry.getKey().category(), entry.getKey().severity(), null, entry.getValue()));
        }
        incidentCounts.sort(Comparator.comparing(IncidentCount::category).thenComparing(IncidentCount::severity));
        apiRecords += data.reported().size();

        Map<LossKey, Long> lossMap = new TreeMap<>(Comparator.comparing(LossKey::reason).thenComparing(LossKey::source));
        lossMap.putAll(data.losses());
        if (unknownUsage > 0) {
            lossMap.merge(new LossKey(LossReason.MALFORMED_INPUT, LossKey.API), unknownUsage, Long::sum);
        }
        List<LossCount> losses = new ArrayList<>();
        lossMap.forEach((key, count) -> losses.add(new LossCount(key.reason(), key.source(), count)));

        List<SourceReport> sources = new ArrayList<>();
        sources.add(new SourceReport(LossKey.API, SdkVersion.version(), data.alive() ? SourceStatus.OK : SourceStatus.FAILED,
                apiRecords, data.alive() ? null : NOT_RUNNING));
        data.sources().stream().filter(source -> !LossKey.API.equals(source.name()))
                .sorted(Comparator.comparing(SourceReport::name)).forEach(sources::add);

        return new Declaration(Declaration.SCHEMA, id, chain.lastSequence() + 1, chain.lastHash(), issuedAt, period,
                declarant, inventory, activity, agents, new Incidents(incidentCounts, data.reported()),
                new Provenance(SdkVersion.NAME, SdkVersion.version(), sources, losses));
    }
}
