package fr.observatoire.ia.server.stats.protection;

import java.util.Optional;

/**
 * The primary confidentiality rules of INSEE's practice (manuel de protection des tableaux): no cell built on
 * fewer than {@code minUnits} collectivités, none where one contributes more than {@code maxShare} of the value,
 * counts of people only from {@code minPeople}. An empty cell (no contributor) says nothing about anyone and is
 * always published.
 */
public record Rules(int minUnits, double maxShare, long minPeople) {
    public static final Rules INSEE = new Rules(3, 0.85, 11);

    /** The first rule the cell breaks, if any. */
    public Optional<Reason> primary(Aggregate cell, boolean people) {
        if (cell.isEmpty()) {
            return Optional.empty();
        }
        if (cell.units() < minUnits) {
            return Optional.of(Reason.FEWER_THAN_3_COLLECTIVITES);
        }
        if (people && cell.value() < minPeople) {
            return Optional.of(Reason.FEWER_THAN_11_PEOPLE);
        }
        if (cell.value() > 0 && cell.largest() > maxShare * cell.value()) {
            return Optional.of(Reason.DOMINANCE);
        }
        return Optional.empty();
    }
}
