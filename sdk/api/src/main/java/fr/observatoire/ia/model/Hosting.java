package fr.observatoire.ia.model;

/** Where an AI usage runs. */
public enum Hosting implements Labelled {
    ON_PREMISE("Sur site", "On premise"),
    EU_CLOUD("Cloud français ou européen", "French or EU cloud"),
    NON_EU_CLOUD("Cloud hors UE", "Non-EU cloud"),
    SECNUMCLOUD("Cloud qualifié SecNumCloud", "SecNumCloud-qualified cloud"),
    UNKNOWN("Inconnu", "Unknown");

    private final String french;
    private final String english;

    Hosting(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
