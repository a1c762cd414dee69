package fr.observatoire.ia.model;

/** Kind of action an activity count counts. */
public enum ActionKind implements Labelled {
    PROMPT("Requête à une IA", "Prompt"),
    DOCUMENT_DRAFTED("Document rédigé avec l'IA", "Document drafted"),
    DOCUMENT_CLASSIFIED("Document classé par l'IA", "Document classified"),
    CHATBOT_CONVERSATION("Conversation d'agent conversationnel", "Chatbot conversation"),
    TRANSCRIPTION("Transcription", "Transcription"),
    TRANSLATION("Traduction", "Translation"),
    SUMMARY("Synthèse", "Summary"),
    IMAGE_GENERATED("Image générée", "Image generated"),
    CODE_SUGGESTION("Suggestion de code", "Code suggestion"),
    DECISION_SUPPORTED("Décision assistée", "Decision supported"),
    WEB_ACCESS("Accès à un service d'IA public", "Access to a public AI service"),
    USAGE_REQUEST("Demande d'usage", "Usage request"),
    SELF_DECLARATION("Auto-déclaration d'un agent", "Agent self-declaration"),
    OTHER("Autre", "Other");

    private final String french;
    private final String english;

    ActionKind(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
