package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.Maturity;

/**
 * How the model's maturity maps onto the registers' life-cycle vocabularies (docs/register-exports.md).
 * Eurocities' "design" and "evaluation" have no counterpart: the model does not tell them apart from
 * experiment and production.
 */
public final class Maturities {
    private Maturities() {
    }

    /** UK ATRS v4 phase. */
    public static String atrsPhase(Maturity maturity) {
        return switch (maturity) {
            case IDEA -> "Pre-deployment";
            case EXPERIMENT -> "Private beta";
            case PILOT -> "Public beta";
            case PRODUCTION, SCALED -> "Production";
            case ABANDONED -> "Retired";
        };
    }

    /** Eurocities algorithmic transparency standard 0.3.1 status. */
    public static String eurocitiesStatus(Maturity maturity) {
        return switch (maturity) {
            case IDEA -> "planned";
            case EXPERIMENT -> "development";
            case PILOT -> "pilot";
            case PRODUCTION, SCALED -> "operational";
            case ABANDONED -> "retired";
        };
    }

    /** Dutch Algoritmeregister publication standard 1.0 status (its own Dutch values). */
    public static String algoritmeregisterStatus(Maturity maturity) {
        return switch (maturity) {
            case IDEA, EXPERIMENT, PILOT -> "In ontwikkeling";
            case PRODUCTION, SCALED -> "In gebruik";
            case ABANDONED -> "Buiten gebruik";
        };
    }
}
