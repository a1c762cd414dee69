package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.AgentBand;

/** Distinct-agent counts as the bands that leave: exact small numbers identify people. */
public final class AgentBands {
    /** The lower bound of the top band: beyond it, no further agent changes what leaves, so none is kept. */
    public static final int SATURATION = 250;

    private AgentBands() {
    }

    public static AgentBand band(long distinctAgents) {
        if (distinctAgents < 3) {
            return AgentBand.FEWER_THAN_3;
        }
        if (distinctAgents <= 10) {
            return AgentBand.FROM_3_TO_10;
        }
        if (distinctAgents <= 49) {
            return AgentBand.FROM_11_TO_49;
        }
        if (distinctAgents < SATURATION) {
            return AgentBand.FROM_50_TO_249;
        }
        return AgentBand.AT_LEAST_250;
    }
}
