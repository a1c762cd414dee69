package fr.observatoire.ia.model;

/** What was lost or dropped before the declaration, by reason and source, so the observatory knows how complete it is. */
public record LossCount(LossReason reason, String source, long count) {
    public LossCount {
        Checks.required(reason, "provenance.losses.reason");
        Checks.optionalText(source, "provenance.losses.source", 64);
        Checks.nonNegative(count, "provenance.losses.count");
    }
}
