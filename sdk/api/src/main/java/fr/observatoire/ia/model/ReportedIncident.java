package fr.observatoire.ia.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An incident reported individually, with a summary a person at the collectivité approved before it
 * left. The approver is not named: only the time of approval travels.
 */
public record ReportedIncident(UUID id, String usageId, IncidentCategory category, Severity severity,
                               List<HarmType> harmTypes, LocalDate occurredOn, LocalDate detectedOn, String summary,
                               String correctiveAction, Instant approvedAt) {
    public ReportedIncident {
        Checks.required(id, "incident.id");
        if (usageId != null) {
            Checks.usageId(usageId, "incident.usageId");
        }
        Checks.required(category, "incident.category");
        Checks.required(severity, "incident.severity");
        harmTypes = Checks.list(harmTypes, "incident.harmTypes");
        Checks.required(occurredOn, "incident.occurredOn");
        if (detectedOn != null && detectedOn.isBefore(occurredOn)) {
            throw new IllegalArgumentException("incident.detectedOn " + detectedOn + " is before occurredOn " + occurredOn);
        }
        Checks.requiredText(summary, "incident.summary", 1000);
        Checks.optionalText(correctiveAction, "incident.correctiveAction", 1000);
        Checks.required(approvedAt, "incident.approvedAt (a person must approve an individual report before it leaves)");
    }
}
