package fr.observatoire.ia.server.referential;

/**
 * Size class of a commune (or of an EPCI) by population.
 *
 * <p>The 3,500-inhabitant threshold is kept as a boundary of its own because French law uses it:
 * the open-data obligations of the Code des relations entre le public et l'administration
 * (articles L312-1-1 and following) do not apply to collectivités territoriales under 3,500
 * inhabitants. Bounds are inclusive; a population is never negative.
 *
 * <p>The referential's populations are INSEE's <em>population municipale</em>; the legal thresholds
 * are read on the <em>population totale</em>, which is slightly higher, so a commune just under a
 * boundary here may be just over it in law.
 */
public enum Stratum {
    UNDER_500(0, 499, "moins de 500 habitants", "under 500 inhabitants"),
    FROM_500_TO_3499(500, 3_499, "de 500 à 3 499 habitants", "500 to 3,499 inhabitants"),
    FROM_3500_TO_9999(3_500, 9_999, "de 3 500 à 9 999 habitants", "3,500 to 9,999 inhabitants"),
    FROM_10000_TO_49999(10_000, 49_999, "de 10 000 à 49 999 habitants", "10,000 to 49,999 inhabitants"),
    AT_LEAST_50000(50_000, Long.MAX_VALUE, "50 000 habitants et plus", "50,000 inhabitants or more");

    /** The population from which the open-data obligations of collectivités apply. */
    public static final long LEGAL_THRESHOLD = 3_500;

    private final long min;
    private final long max;
    private final String labelFr;
    private final String labelEn;

    Stratum(long min, long max, String labelFr, String labelEn) {
        this.min = min;
        this.max = max;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    /** The stratum that contains {@code population}. */
    public static Stratum of(long population) {
        if (population < 0) {
            throw new IllegalArgumentException("negative population: " + population);
        }
        for (Stratum s : values()) {
            if (population <= s.max) {
                return s;
            }
        }
        throw new AssertionError(population);
    }

    /** Smallest population in this stratum, inclusive. */
    public long min() {
        return min;
    }

    /** Largest population in this stratum, inclusive ({@link Long#MAX_VALUE} for the last one). */
    public long max() {
        return max;
    }

    public boolean contains(long population) {
        return population >= min && population <= max;
    }

    /** Whether the whole stratum is at or above {@link #LEGAL_THRESHOLD}. */
    public boolean atLeastLegalThreshold() {
        return min >= LEGAL_THRESHOLD;
    }

    /** French label, e.g. "moins de 500 habitants". */
    public String labelFr() {
        return labelFr;
    }

    /** English label, e.g. "under 500 inhabitants". */
    public String labelEn() {
        return labelEn;
    }
}
