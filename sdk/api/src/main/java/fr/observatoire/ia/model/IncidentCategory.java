package fr.observatoire.ia.model;

/** Category of an AI incident. */
public enum IncidentCategory implements Labelled {
    FACTUAL_ERROR("Erreur factuelle, hallucination dans un document administratif", "Factual error, hallucination in an administrative document"),
    PERSONAL_DATA_DISCLOSURE("Données personnelles transmises à un service d'IA tiers", "Personal data disclosed to a third-party AI service"),
    BIAS("Biais, inégalité de traitement", "Bias, unequal treatment"),
    SECURITY("Sécurité (injection de prompt, exfiltration)", "Security (prompt injection, exfiltration)"),
    INAPPROPRIATE_ANSWER("Réponse inappropriée à un usager", "Inappropriate answer to a citizen"),
    SERVICE_OUTAGE("Interruption de service", "Service outage"),
    INTELLECTUAL_PROPERTY("Propriété intellectuelle", "Intellectual property"),
    OTHER("Autre", "Other");

    private final String french;
    private final String english;

    IncidentCategory(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
