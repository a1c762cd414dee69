package fr.observatoire.ia.model;

/** Service of the collectivité concerned by a usage or an activity count. */
public enum Service implements Labelled {
    CIVIL_REGISTRY("État civil", "Civil registry"),
    URBAN_PLANNING("Urbanisme", "Urban planning"),
    HUMAN_RESOURCES("Ressources humaines", "Human resources"),
    SOCIAL_ACTION("Action sociale, CCAS", "Social services"),
    FINANCE("Finances", "Finance"),
    COMMUNICATION("Communication", "Communication"),
    EDUCATION("Éducation, enfance", "Education"),
    PUBLIC_RECEPTION("Accueil", "Public reception"),
    LEGAL_PROCUREMENT("Juridique, marchés publics", "Legal, procurement"),
    INFORMATION_SYSTEMS("Systèmes d'information", "IT"),
    TECHNICAL_SERVICES("Services techniques, voirie", "Technical services"),
    ENVIRONMENT("Environnement", "Environment"),
    CULTURE_SPORTS("Culture, sports", "Culture, sports"),
    PUBLIC_SAFETY("Police municipale, sécurité", "Public safety"),
    COUNCIL_AFFAIRS("Assemblées, délibérations", "Council affairs"),
    GENERAL_MANAGEMENT("Direction générale", "General management"),
    TRANSVERSAL("Transversal", "Cross-cutting"),
    OTHER("Autre", "Other");

    private final String french;
    private final String english;

    Service(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
