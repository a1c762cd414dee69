package fr.observatoire.ia.model;

/**
 * How many actions of one kind a usage served for one service during the period. Counts of actions,
 * not of people: people are only counted as {@link ActiveAgents} bands.
 */
public record ActivityCount(String usageId, Service service, ActionKind action, long count) {
    public ActivityCount {
        Checks.usageId(usageId, "activity.usageId");
        Checks.required(service, "activity.service");
        Checks.required(action, "activity.action");
        Checks.nonNegative(count, "activity.count");
    }
}
