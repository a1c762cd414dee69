package fr.observatoire.ia.server.index;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Which of a collectivité's declarations states its inventory: the latest by period start, then sequence. A
 * collectivité's outbox may deliver an old period after a newer one, and a period may be declared again with a
 * higher sequence; on a tie, the declaration indexed first stays.
 *
 * @param periodStart the first day of the declaration's period
 * @param sequence    the declaration's sequence number
 */
public record Recency(LocalDate periodStart, long sequence) implements Comparable<Recency> {
    private static final Comparator<Recency> ORDER = Comparator.comparing(Recency::periodStart).thenComparingLong(Recency::sequence);

    public static Recency of(AcceptedDeclaration accepted) {
        return new Recency(accepted.declaration().period().start(), accepted.declaration().sequence());
    }

    @Override
    public int compareTo(Recency other) {
        return ORDER.compare(this, other);
    }

    /** Whether a declaration this recent replaces the one {@code stored} describes; true when nothing is stored (null). */
    public boolean supersedes(Recency stored) {
        return stored == null || compareTo(stored) > 0;
    }

    /**
     * The one of two declarations that wins, {@code earlier} being indexed before {@code later}: what indexing them one
     * after the other would leave. Suits {@link java.util.Map#merge} over a chunk in ingest order.
     */
    public static AcceptedDeclaration latest(AcceptedDeclaration earlier, AcceptedDeclaration later) {
        return of(later).supersedes(of(earlier)) ? later : earlier;
    }
}
