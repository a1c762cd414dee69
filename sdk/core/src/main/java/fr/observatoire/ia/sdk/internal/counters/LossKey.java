package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.LossReason;

/** A loss series: why, and from which source ({@code api} for the SDK's own API, else a plugin's name). */
public record LossKey(LossReason reason, String source) {
    public static final String API = "api";
}
