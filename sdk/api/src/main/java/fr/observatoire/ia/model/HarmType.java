package fr.observatoire.ia.model;

/** Harm types of the CSET taxonomy (AI Incident Database). */
public enum HarmType implements Labelled {
    PHYSICAL_HEALTH_SAFETY("Santé, sécurité physique", "Physical health or safety"),
    FINANCIAL_LOSS("Perte financière", "Financial loss"),
    PHYSICAL_PROPERTY("Biens matériels", "Physical property"),
    INTANGIBLE_PROPERTY("Biens immatériels", "Intangible property"),
    INFRASTRUCTURE("Infrastructure", "Infrastructure"),
    ENVIRONMENT("Environnement", "Environment"),
    SOCIAL_POLITICAL("Systèmes sociaux et politiques", "Social or political systems"),
    RIGHTS_CIVIL_LIBERTIES("Droits et libertés", "Rights and civil liberties"),
    DETRIMENTAL_CONTENT("Contenu préjudiciable", "Detrimental content"),
    DISPROPORTIONATE_TREATMENT("Traitement disproportionné", "Disproportionate treatment");

    private final String french;
    private final String english;

    HarmType(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
