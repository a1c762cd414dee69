package fr.observatoire.ia.sdk.internal.declare;

import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.sdk.internal.counters.ActivityKey;
import fr.observatoire.ia.sdk.internal.counters.IncidentKey;
import fr.observatoire.ia.sdk.internal.counters.LossKey;

import java.util.List;
import java.util.Map;

/**
 * What the store holds for a period about to be declared.
 *
 * @param distinctAgents distinct pseudonyms per usage
 * @param alive          whether the SDK ran at some point during the period
 */
public record PeriodData(Map<ActivityKey, Long> activity, Map<IncidentKey, Long> incidents,
                         Map<String, Long> distinctAgents, Map<LossKey, Long> losses, List<ReportedIncident> reported,
                         List<SourceReport> sources, boolean alive) {
}
