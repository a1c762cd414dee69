package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Severity;

/** Identifies one incident series. */
public record IncidentKey(IncidentCategory category, Severity severity) {
}
