package fr.observatoire.ia.model;

/** Obstacles and resistances met by a usage. */
public enum Obstacle implements Labelled {
    SKILLS("Compétences", "Skills"),
    TRUST("Confiance", "Trust"),
    LEGAL_UNCERTAINTY("Incertitude juridique, RGPD", "Legal or GDPR uncertainty"),
    COST("Coût", "Cost"),
    SOCIAL_DIALOGUE("Dialogue social", "Social dialogue"),
    OUTPUT_QUALITY("Qualité des résultats", "Output quality"),
    SOVEREIGNTY("Souveraineté", "Sovereignty"),
    MANAGEMENT("Pilotage, management", "Management"),
    OTHER("Autre", "Other");

    private final String french;
    private final String english;

    Obstacle(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
