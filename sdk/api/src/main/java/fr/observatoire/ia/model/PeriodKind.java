package fr.observatoire.ia.model;

/** Length of a declaration period. */
public enum PeriodKind implements Labelled {
    WEEK("Semaine", "Week"),
    MONTH("Mois", "Month");

    private final String french;
    private final String english;

    PeriodKind(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
