package fr.observatoire.ia.model;

/**
 * How many distinct agents used a usage during the period, as a band, per usage only: never crossed
 * with a service, where a band could single someone out.
 */
public record ActiveAgents(String usageId, AgentBand band) {
    public ActiveAgents {
        Checks.usageId(usageId, "activeAgents.usageId");
        Checks.required(band, "activeAgents.band");
    }
}
