package fr.observatoire.ia.model;

/** How far a usage has gone. ATRS v4 phases and Eurocities statuses map onto it (see docs/schema). */
public enum Maturity implements Labelled {
    IDEA("Idée", "Idea"),
    EXPERIMENT("Expérimentation", "Experiment"),
    PILOT("Pilote", "Pilot"),
    PRODUCTION("En production", "Production"),
    SCALED("Généralisé", "Scaled"),
    ABANDONED("Abandonné", "Abandoned");

    private final String french;
    private final String english;

    Maturity(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
