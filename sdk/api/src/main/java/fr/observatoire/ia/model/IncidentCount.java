package fr.observatoire.ia.model;

/** How many incidents of a category and severity occurred during the period, optionally for one usage. */
public record IncidentCount(IncidentCategory category, Severity severity, String usageId, long count) {
    public IncidentCount {
        Checks.required(category, "incidents.counts.category");
        Checks.required(severity, "incidents.counts.severity");
        if (usageId != null) {
            Checks.usageId(usageId, "incidents.counts.usageId");
        }
        Checks.nonNegative(count, "incidents.counts.count");
    }
}
