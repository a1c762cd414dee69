package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.model.Labelled;
import fr.observatoire.ia.model.Maturity;

/**
 * The maturity of a usage in four stages, the parent level of {@link Maturity} in the statistics. The stages are
 * those of the registers' statuses: the Algoritmeregister's in development / in use / out of use, with ideas kept
 * apart from trials.
 */
public enum Stage implements Labelled {
    PLANNED("En projet (idée)", "Planned (idea)"),
    TRIAL("En test (expérimentation, pilote)", "On trial (experiment, pilot)"),
    IN_USE("En service (production, généralisé)", "In use (production, scaled)"),
    STOPPED("Arrêté", "Stopped");

    private final String french;
    private final String english;

    Stage(String french, String english) {
        this.french = french;
        this.english = english;
    }

    public static Stage of(Maturity maturity) {
        return switch (maturity) {
            case IDEA -> PLANNED;
            case EXPERIMENT, PILOT -> TRIAL;
            case PRODUCTION, SCALED -> IN_USE;
            case ABANDONED -> STOPPED;
        };
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
