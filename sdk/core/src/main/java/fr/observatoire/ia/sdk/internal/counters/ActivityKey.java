package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;

/** Identifies one activity series. Small and immutable: it is a map key. */
public record ActivityKey(String usageId, Service service, ActionKind action) {
}
