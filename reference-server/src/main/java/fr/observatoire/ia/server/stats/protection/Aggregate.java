package fr.observatoire.ia.server.stats.protection;

/**
 * What the confidentiality rules need to know about a cell: its value, how many collectivités contribute to it,
 * and the largest contribution of a single one.
 */
public record Aggregate(long value, int units, long largest) {
    public static final Aggregate EMPTY = new Aggregate(0, 0, 0);

    public Aggregate {
        if (value < 0 || units < 0 || largest < 0 || largest > value) {
            throw new IllegalArgumentException("inconsistent aggregate: value " + value + ", units " + units + ", largest " + largest);
        }
    }

    public boolean isEmpty() {
        return units == 0;
    }
}
