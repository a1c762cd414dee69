package fr.observatoire.ia.demo;

import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;

import java.util.List;

/** The AI usages the demo's collectivités declare: plausible, and written as a DSI would. */
final class Usages {
    private Usages() {
    }

    static AiUsage draftingAssistant() {
        return new AiUsage("redaction-courriers", "Aide à la rédaction des courriers",
                "Assistant de rédaction pour les réponses aux usagers ; chaque courrier est relu et signé par un agent.",
                "Le Chat Pro", "Mistral AI", "Mistral Large", Hosting.EU_CLOUD, Purpose.DRAFTING,
                List.of(Service.CIVIL_REGISTRY, Service.PUBLIC_RECEPTION, Service.URBAN_PLANNING), Maturity.PILOT,
                Governance.SANCTIONED, List.of(DataCategory.INTERNAL, DataCategory.PERSONAL),
                AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT, AiActAssessment.of(AiActRiskClass.MINIMAL),
                List.of(Obstacle.SKILLS, Obstacle.LEGAL_UNCERTAINTY), List.of("Durée de conservation des requêtes chez le fournisseur"),
                PublicationLevel.PUBLIC_REGISTER);
    }

    static AiUsage councilTranscription() {
        return new AiUsage("transcription-conseils", "Transcription des conseils municipaux",
                "Transcription automatique des séances publiques, relue avant publication du procès-verbal.",
                "Whisper", "OpenAI (modèle ouvert, hébergé en interne)", "Whisper large-v3", Hosting.ON_PREMISE,
                Purpose.TRANSCRIPTION, List.of(Service.COUNCIL_AFFAIRS), Maturity.PRODUCTION, Governance.SANCTIONED,
                List.of(DataCategory.PUBLIC), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT,
                AiActAssessment.of(AiActRiskClass.MINIMAL), List.of(Obstacle.OUTPUT_QUALITY), List.of(),
                PublicationLevel.PUBLIC_REGISTER);
    }

    static AiUsage citizenChatbot() {
        return new AiUsage("chatbot-accueil", "Agent conversationnel d'accueil",
                "Répond aux questions fréquentes des usagers (horaires, démarches) et oriente vers un agent.",
                "Albert", "DINUM", "Albert", Hosting.SECNUMCLOUD, Purpose.CITIZEN_CHATBOT,
                List.of(Service.PUBLIC_RECEPTION), Maturity.PRODUCTION, Governance.SANCTIONED, List.of(DataCategory.PUBLIC),
                AutomationLevel.HUMAN_CAN_OVERRIDE, AiActAssessment.of(AiActRiskClass.LIMITED),
                List.of(Obstacle.TRUST), List.of(), PublicationLevel.PUBLIC_REGISTER);
    }

    static AiUsage socialAidTriage() {
        return new AiUsage("pre-instruction-aides", "Pré-instruction des demandes d'aide sociale",
                "Classe les dossiers de demande d'aide par complétude ; la décision reste à l'instructeur.",
                "Outil interne", "Régie", null, Hosting.ON_PREMISE, Purpose.DECISION_SUPPORT,
                List.of(Service.SOCIAL_ACTION), Maturity.EXPERIMENT, Governance.SANCTIONED,
                List.of(DataCategory.PERSONAL, DataCategory.SENSITIVE), AutomationLevel.AI_INFORMS,
                new AiActAssessment(AiActRiskClass.HIGH, "5(a)", null, null, null),
                List.of(Obstacle.SOCIAL_DIALOGUE, Obstacle.LEGAL_UNCERTAINTY), List.of("Analyse d'impact (AIPD) en cours"),
                PublicationLevel.STATISTICS_ONLY);
    }

    static AiUsage documentClassification() {
        return new AiUsage("classement-ged", "Classement automatique du courrier entrant",
                "Propose un service destinataire et un plan de classement pour le courrier numérisé.",
                "Module IA de la GED", "Éditeur de la GED", null, Hosting.EU_CLOUD, Purpose.DOCUMENT_CLASSIFICATION,
                List.of(Service.GENERAL_MANAGEMENT), Maturity.SCALED, Governance.SANCTIONED, List.of(DataCategory.INTERNAL,
                DataCategory.PERSONAL), AutomationLevel.HUMAN_CAN_OVERRIDE, AiActAssessment.of(AiActRiskClass.MINIMAL),
                List.of(), List.of(), PublicationLevel.PUBLIC_REGISTER);
    }

    static AiUsage secretaryChatGpt() {
        return new AiUsage("chatgpt-secretariat", "ChatGPT au secrétariat de mairie",
                "Usage ponctuel pour reformuler des courriers ; pas de données personnelles saisies selon la consigne du maire.",
                "ChatGPT", "OpenAI", null, Hosting.NON_EU_CLOUD, Purpose.DRAFTING, List.of(Service.GENERAL_MANAGEMENT),
                Maturity.EXPERIMENT, Governance.TOLERATED, List.of(DataCategory.INTERNAL), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT,
                AiActAssessment.of(AiActRiskClass.MINIMAL), List.of(Obstacle.SKILLS, Obstacle.COST, Obstacle.SOVEREIGNTY),
                List.of("Faut-il une charte d'usage pour une commune de cette taille ?"), PublicationLevel.PUBLIC_REGISTER);
    }
}
