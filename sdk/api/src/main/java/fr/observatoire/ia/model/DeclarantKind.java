package fr.observatoire.ia.model;

/** Kind of declaring body. */
public enum DeclarantKind implements Labelled {
    COMMUNE("Commune", "Municipality"),
    EPCI("Intercommunalité (EPCI)", "Inter-municipal body (EPCI)"),
    DEPARTEMENT("Département", "Département"),
    REGION("Région", "Region"),
    ETABLISSEMENT_SCOLAIRE("Établissement scolaire", "School"),
    SYNDICAT("Syndicat", "Joint authority (syndicat)"),
    OTHER("Autre", "Other");

    private final String french;
    private final String english;

    DeclarantKind(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
