package fr.observatoire.ia.model;

/** What an AI usage is for. */
public enum Purpose implements Labelled {
    DRAFTING("Rédaction", "Drafting"),
    SUMMARISING("Synthèse", "Summarising"),
    TRANSLATION("Traduction", "Translation"),
    TRANSCRIPTION("Transcription", "Transcription"),
    CITIZEN_CHATBOT("Accueil des usagers, agent conversationnel", "Citizen reception, chatbot"),
    DECISION_SUPPORT("Aide à la décision", "Decision support"),
    AUTOMATION("Automatisation", "Automation"),
    DOCUMENT_CLASSIFICATION("Classement de documents", "Document classification"),
    CODE_ASSISTANCE("Aide au code", "Code assistance"),
    IMAGE_VIDEO("Image et vidéo", "Image and video"),
    DATA_ANALYSIS("Analyse de données", "Data analysis"),
    OTHER("Autre", "Other");

    private final String french;
    private final String english;

    Purpose(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
