package fr.observatoire.ia.model;

import java.util.List;

/** Incidents of the period: counts, and the individually reported incidents a person approved. */
public record Incidents(List<IncidentCount> counts, List<ReportedIncident> reported) {
    public Incidents {
        counts = Checks.list(counts, "incidents.counts");
        reported = Checks.list(reported, "incidents.reported");
    }

    public static Incidents none() {
        return new Incidents(List.of(), List.of());
    }
}
