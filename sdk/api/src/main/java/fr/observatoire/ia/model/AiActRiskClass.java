package fr.observatoire.ia.model;

/** EU AI Act risk class of a usage. */
public enum AiActRiskClass implements Labelled {
    PROHIBITED("Interdit (art. 5)", "Prohibited (art. 5)"),
    HIGH("Haut risque (annexe III)", "High risk (Annex III)"),
    LIMITED("Risque limité, transparence (art. 50)", "Limited risk, transparency (art. 50)"),
    MINIMAL("Risque minimal", "Minimal risk"),
    NOT_ASSESSED("Non évalué", "Not assessed");

    private final String french;
    private final String english;

    AiActRiskClass(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
