package fr.observatoire.ia.model;

/** Health of a source (plugin) over a period. */
public enum SourceStatus implements Labelled {
    OK("Fonctionnel", "OK"),
    DEGRADED("Dégradé", "Degraded"),
    FAILED("En échec", "Failed");

    private final String french;
    private final String english;

    SourceStatus(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
