package fr.observatoire.ia.model;

/** What the collectivité lets the observatory publish about a usage. */
public enum PublicationLevel implements Labelled {
    PUBLIC_REGISTER("Registre public", "Public register"),
    STATISTICS_ONLY("Statistiques seulement", "Statistics only");

    private final String french;
    private final String english;

    PublicationLevel(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
