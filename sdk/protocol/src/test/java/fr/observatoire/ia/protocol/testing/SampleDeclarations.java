package fr.observatoire.ia.protocol.testing;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.AgentBand;
import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.HarmType;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.Incidents;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.Provenance;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.protocol.Ids;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Realistic declarations for tests: the commune of Nice, with every part of the model filled. */
public final class SampleDeclarations {
    public static final Declarant NICE = new Declarant(DeclarantKind.COMMUNE, "210600888", "06088", null, "Nice");

    private SampleDeclarations() {
    }

    public static Inventory inventory() {
        AiUsage drafting = new AiUsage("redaction-courriers", "Aide à la rédaction des courriers",
                "Assistant de rédaction pour les réponses aux usagers, relu par un agent avant envoi.",
                "Le Chat Pro", "Mistral AI", "Mistral Large", Hosting.EU_CLOUD, Purpose.DRAFTING,
                List.of(Service.CIVIL_REGISTRY, Service.PUBLIC_RECEPTION), Maturity.PILOT, Governance.SANCTIONED,
                List.of(DataCategory.INTERNAL, DataCategory.PERSONAL), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT,
                AiActAssessment.of(AiActRiskClass.MINIMAL), List.of(Obstacle.SKILLS, Obstacle.LEGAL_UNCERTAINTY),
                List.of("Conservation des prompts par le fournisseur"), PublicationLevel.PUBLIC_REGISTER);
        AiUsage triage = new AiUsage("tri-aides-sociales", "Pré-instruction des demandes d'aide sociale",
                "Classement des dossiers d'aide facultative par ordre de complétude.", "Outil interne", "Régie",
                null, Hosting.ON_PREMISE, Purpose.DECISION_SUPPORT, List.of(Service.SOCIAL_ACTION), Maturity.EXPERIMENT,
                Governance.SANCTIONED, List.of(DataCategory.PERSONAL, DataCategory.SENSITIVE), AutomationLevel.AI_INFORMS,
                new AiActAssessment(AiActRiskClass.HIGH, "5(a)", URI.create("https://ec.europa.eu/ai-database/entry/123"),
                        URI.create("https://www.nice.fr/aipd-aides.pdf"), null),
                List.of(Obstacle.TRUST, Obstacle.SOCIAL_DIALOGUE), List.of(), PublicationLevel.STATISTICS_ONLY);
        AiUsage shadow = new AiUsage("chatgpt", "ChatGPT (usage non encadré)", null, "ChatGPT", "OpenAI", null,
                Hosting.NON_EU_CLOUD, Purpose.OTHER, List.of(Service.TRANSVERSAL), Maturity.EXPERIMENT, Governance.SHADOW,
                List.of(DataCategory.INTERNAL), AutomationLevel.AI_INFORMS, AiActAssessment.of(AiActRiskClass.NOT_ASSESSED),
                List.of(), List.of(), PublicationLevel.STATISTICS_ONLY);
        return new Inventory(3, List.of(drafting, triage, shadow));
    }

    /** The first declaration of Nice for the week of {@code monday}. */
    public static Declaration first(LocalDate monday) {
        return declaration(1, null, monday);
    }

    public static Declaration declaration(long sequence, String previousHash, LocalDate day) {
        Period period = Period.containing(PeriodKind.WEEK, day);
        Instant issuedAt = period.end().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3600);
        return new Declaration(Declaration.SCHEMA, Ids.uuidV7(issuedAt), sequence, previousHash, issuedAt, period, NICE,
                inventory(),
                List.of(new ActivityCount("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED, 412),
                        new ActivityCount("redaction-courriers", Service.PUBLIC_RECEPTION, ActionKind.PROMPT, 1290),
                        new ActivityCount("chatgpt", Service.TRANSVERSAL, ActionKind.WEB_ACCESS, 87)),
                List.of(new ActiveAgents("redaction-courriers", AgentBand.FROM_11_TO_49),
                        new ActiveAgents("chatgpt", AgentBand.FEWER_THAN_3)),
                new Incidents(List.of(new IncidentCount(IncidentCategory.FACTUAL_ERROR, Severity.S1, "redaction-courriers", 2)),
                        List.of(new ReportedIncident(Ids.uuidV7(issuedAt), "redaction-courriers", IncidentCategory.FACTUAL_ERROR,
                                Severity.S1, List.of(HarmType.RIGHTS_CIVIL_LIBERTIES), period.start().plusDays(1),
                                period.start().plusDays(2), "Un courrier proposait un délai de recours erroné ; corrigé à la relecture.",
                                "Rappel de la relecture obligatoire des délais.", issuedAt.minusSeconds(600)))),
                new Provenance("observatoire-sdk", "0.1.0", List.of(new SourceReport("api", "0.1.0", SourceStatus.OK, 1789, null)),
                        List.of(new LossCount(LossReason.CARDINALITY_OVERFLOW, "api", 0))));
    }
}
