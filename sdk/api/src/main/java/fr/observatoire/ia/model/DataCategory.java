package fr.observatoire.ia.model;

/** Categories of data a usage touches. */
public enum DataCategory implements Labelled {
    PUBLIC("Données publiques", "Public data"),
    INTERNAL("Données internes", "Internal data"),
    PERSONAL("Données personnelles", "Personal data"),
    SENSITIVE("Données sensibles (art. 9 RGPD)", "Sensitive data (GDPR art. 9)");

    private final String french;
    private final String english;

    DataCategory(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
