package fr.observatoire.ia.benchmarks;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.Ids;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.counters.ActivityKey;
import fr.observatoire.ia.sdk.internal.counters.IncidentKey;
import fr.observatoire.ia.sdk.internal.counters.LossKey;
import fr.observatoire.ia.sdk.internal.declare.DeclarationAssembler;
import fr.observatoire.ia.sdk.internal.declare.PeriodData;
import fr.observatoire.ia.sdk.internal.privacy.DisclosureControl;
import fr.observatoire.ia.sdk.internal.store.ChainState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A week of a mid-sized commune as the store holds it when the period closes: 6 usages, 20 activity series, agents
 * on 4 usages, 3 incident series, one reported incident, a plugin source and a loss. The same path as
 * {@code PeriodCloser}: assemble, privacy controls, encode, sign (the store transaction around it is not measured).
 */
final class TypicalDeclaration {
    private static final Declarant NICE = new Declarant(DeclarantKind.COMMUNE, "210600888", "06088", null, "Commune de Nice");
    private static final Period PERIOD = Period.containing(PeriodKind.WEEK, LocalDate.of(2025, 3, 12));
    private static final Instant ISSUED = Instant.parse("2025-03-17T08:00:00Z");

    private final Inventory inventory = new Inventory(4, List.of(
            usage("redaction-courriers", "Aide à la rédaction des courriers", Purpose.DRAFTING, Hosting.EU_CLOUD, Governance.SANCTIONED),
            usage("synthese-deliberations", "Synthèse des délibérations", Purpose.SUMMARISING, Hosting.ON_PREMISE, Governance.SANCTIONED),
            usage("transcription-conseil", "Transcription du conseil municipal", Purpose.TRANSCRIPTION, Hosting.ON_PREMISE, Governance.SANCTIONED),
            usage("chatbot-accueil", "Agent conversationnel de l'accueil", Purpose.CITIZEN_CHATBOT, Hosting.SECNUMCLOUD, Governance.SANCTIONED),
            usage("chatgpt", "ChatGPT (usage non encadré)", Purpose.OTHER, Hosting.NON_EU_CLOUD, Governance.SHADOW),
            usage("deepl", "DeepL", Purpose.TRANSLATION, Hosting.EU_CLOUD, Governance.TOLERATED)));
    private final PeriodData data;
    private final DisclosureControl disclosure = new DisclosureControl(new Health());

    TypicalDeclaration() {
        Map<ActivityKey, Long> activity = new LinkedHashMap<>();
        Service[] services = {Service.CIVIL_REGISTRY, Service.URBAN_PLANNING, Service.FINANCE, Service.HUMAN_RESOURCES};
        ActionKind[] actions = {ActionKind.PROMPT, ActionKind.DOCUMENT_DRAFTED};
        for (Service service : services) {
            for (ActionKind action : actions) {
                activity.put(new ActivityKey("redaction-courriers", service, action), 40L + service.ordinal() * 7L + action.ordinal());
            }
        }
        activity.put(new ActivityKey("synthese-deliberations", Service.COUNCIL_AFFAIRS, ActionKind.SUMMARY), 12L);
        activity.put(new ActivityKey("synthese-deliberations", Service.GENERAL_MANAGEMENT, ActionKind.SUMMARY), 5L);
        activity.put(new ActivityKey("transcription-conseil", Service.COUNCIL_AFFAIRS, ActionKind.TRANSCRIPTION), 3L);
        activity.put(new ActivityKey("chatbot-accueil", Service.PUBLIC_RECEPTION, ActionKind.CHATBOT_CONVERSATION), 1_284L);
        activity.put(new ActivityKey("chatbot-accueil", Service.CIVIL_REGISTRY, ActionKind.CHATBOT_CONVERSATION), 311L);
        activity.put(new ActivityKey("chatgpt", Service.TRANSVERSAL, ActionKind.WEB_ACCESS), 87L);
        activity.put(new ActivityKey("chatgpt", Service.FINANCE, ActionKind.SELF_DECLARATION), 4L);
        activity.put(new ActivityKey("chatgpt", Service.HUMAN_RESOURCES, ActionKind.SELF_DECLARATION), 3L);
        activity.put(new ActivityKey("deepl", Service.TRANSVERSAL, ActionKind.WEB_ACCESS), 45L);
        activity.put(new ActivityKey("deepl", Service.COMMUNICATION, ActionKind.TRANSLATION), 19L);
        activity.put(new ActivityKey("deepl", Service.CULTURE_SPORTS, ActionKind.TRANSLATION), 6L);
        activity.put(new ActivityKey("chatbot-accueil", Service.SOCIAL_ACTION, ActionKind.CHATBOT_CONVERSATION), 58L);
        data = new PeriodData(activity,
                Map.of(new IncidentKey(IncidentCategory.FACTUAL_ERROR, Severity.S1), 3L,
                        new IncidentKey(IncidentCategory.INAPPROPRIATE_ANSWER, Severity.S0), 2L,
                        new IncidentKey(IncidentCategory.PERSONAL_DATA_DISCLOSURE, Severity.S2), 1L),
                Map.of("redaction-courriers", 23L, "chatbot-accueil", 4L, "chatgpt", 9L, "deepl", 2L),
                Map.of(new LossKey(LossReason.MALFORMED_INPUT, "squid"), 12L),
                List.of(new ReportedIncident(UUID.fromString("0195a1b2-0000-7000-8000-000000000001"), "redaction-courriers",
                        IncidentCategory.FACTUAL_ERROR, Severity.S1, List.of(), PERIOD.start().plusDays(1), PERIOD.start().plusDays(2),
                        "Un courrier proposait un délai de recours erroné ; corrigé à la relecture.",
                        "Rappel de la relecture obligatoire des délais.", ISSUED.minusSeconds(3_600))),
                List.of(new SourceReport("squid", "0.1.0", SourceStatus.OK, 182_311, null)),
                true);
    }

    /** @return the compact JWS, as it would enter the outbox */
    String buildAndSign(SigningKey key) {
        ChainState chain = new ChainState(41, Hashes.declarationHash(new byte[]{41}), PERIOD.start(), PERIOD.start().minusWeeks(41));
        Declaration declaration = disclosure.apply(DeclarationAssembler.assemble(PERIOD, data, inventory, NICE, chain,
                Ids.uuidV7(ISSUED), ISSUED));
        return Jws.sign(key, Jws.TYP_DECLARATION, ProtocolJson.write(declaration));
    }

    private static AiUsage usage(String id, String name, Purpose purpose, Hosting hosting, Governance governance) {
        return new AiUsage(id, name, "Usage déclaré par la direction des systèmes d'information, relu par le DPO.",
                "Outil " + id, "Fournisseur", null, hosting, purpose, List.of(Service.TRANSVERSAL), Maturity.PRODUCTION, governance,
                List.of(DataCategory.INTERNAL), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT, AiActAssessment.of(AiActRiskClass.MINIMAL),
                List.of(Obstacle.SKILLS), List.of(), PublicationLevel.PUBLIC_REGISTER);
    }
}
