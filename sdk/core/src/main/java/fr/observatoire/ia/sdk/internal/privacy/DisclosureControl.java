package fr.observatoire.ia.sdk.internal.privacy;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.sdk.internal.Health;

import java.util.stream.Collectors;

/**
 * What every declaration goes through between assembly and signature (and the DPO's preview, which must show the
 * same bytes): the small-count rule for counts about people, then the personal-data guard. What the guard
 * withheld is reported to the operator, where it is found and what kind, never the data itself.
 */
public final class DisclosureControl {
    private static final String TOPIC = "privacy";

    private final Health health;

    public DisclosureControl(Health health) {
        this.health = health;
    }

    /**
     * @throws IllegalStateException when personal data cannot be removed: the declaration must not be signed
     */
    public Declaration apply(Declaration assembled) {
        DeclarationGuard.Outcome outcome = DeclarationGuard.enforce(SmallCountRule.apply(assembled));
        if (outcome.withheldSomething()) {
            health.problem(TOPIC, "Personal data found in the declaration of " + assembled.period().start() + ".."
                    + assembled.period().end() + " was withheld and did not leave: "
                    + outcome.findings().stream().map(DeclarationGuard.Finding::describe).collect(Collectors.joining("; "))
                    + ". The declaration reports it as a PRIVACY_FILTERED loss. Remove the personal data at its source"
                    + " (the inventory passed to declareInventory or contributeUsages, the incident passed to reportIncident,"
                    + " under a new id) so that the record is declared again.", null);
        } else {
            health.recovered(TOPIC, "The latest declaration carries no personal data the guard recognises.");
        }
        return outcome.declaration();
    }
}
