package fr.observatoire.ia.demo;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.HarmType;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.plugin.squid.AiServiceCatalogue;
import fr.observatoire.ia.plugin.squid.ScanResult;
import fr.observatoire.ia.plugin.squid.ShadowAiInventory;
import fr.observatoire.ia.plugin.squid.SquidLogGenerator;
import fr.observatoire.ia.plugin.squid.SquidLogScanner;
import fr.observatoire.ia.plugin.squid.SubnetServiceMap;
import fr.observatoire.ia.protocol.Ids;
import fr.observatoire.ia.sdk.ObservatoireSdk;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Three real collectivités of the Alpes-Maritimes, with their SIREN and INSEE codes from the referential
 * ({@code @etalab/decoupage-administratif} 6.0.0). What they record is invented, and plausible.
 */
final class Collectivites {
    private Collectivites() {
    }

    static List<DemoCollectivite> all() {
        return List.of(new Nice(), new MetropoleNiceCoteDAzur(), new LaBrigue());
    }

    /** The commune of Nice: its GED and intranet record through the SDK's API. */
    static final class Nice implements DemoCollectivite {
        @Override
        public Declarant declarant() {
            return new Declarant(DeclarantKind.COMMUNE, "210600888", "06088", null, "Nice");
        }

        @Override
        public void simulate(ObservatoireSdk sdk, Path workDir) {
            sdk.declareInventory(new Inventory(1, List.of(Usages.draftingAssistant(), Usages.councilTranscription(),
                    Usages.citizenChatbot())));
            sdk.activity("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED).add(412);
            sdk.activity("redaction-courriers", Service.PUBLIC_RECEPTION, ActionKind.DOCUMENT_DRAFTED).add(268);
            sdk.activity("redaction-courriers", Service.URBAN_PLANNING, ActionKind.PROMPT).add(1290);
            sdk.activity("transcription-conseils", Service.COUNCIL_AFFAIRS, ActionKind.TRANSCRIPTION).add(3);
            sdk.activity("chatbot-accueil", Service.PUBLIC_RECEPTION, ActionKind.CHATBOT_CONVERSATION).add(5873);
            for (int agent = 0; agent < 37; agent++) {
                // Whatever the host knows agents by; the SDK pseudonymises it at once and only a band leaves.
                sdk.agentActive("redaction-courriers", "agent" + agent + "@ville-nice.fr");
            }
            sdk.incidents(IncidentCategory.FACTUAL_ERROR, Severity.S1).add(2);
            sdk.incidents(IncidentCategory.INAPPROPRIATE_ANSWER, Severity.S0).add(5);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
            sdk.reportIncident(new ReportedIncident(Ids.uuidV7(Instant.now()), "redaction-courriers",
                    IncidentCategory.FACTUAL_ERROR, Severity.S1, List.of(HarmType.RIGHTS_CIVIL_LIBERTIES), today, today,
                    "Un projet de courrier indiquait un délai de recours erroné ; corrigé à la relecture avant envoi.",
                    "Rappel à tous les services : vérifier systématiquement les délais cités.", Instant.now()));
        }

        @Override
        public String story() {
            return "GED et intranet, par l'API du SDK";
        }
    }

    /** The Métropole Nice Côte d'Azur: its web proxy's log reveals shadow AI, through the Squid plugin. */
    static final class MetropoleNiceCoteDAzur implements DemoCollectivite {
        private static final String SUBNETS = """
                10.1.2.0/24 HUMAN_RESOURCES
                10.1.3.0/24 FINANCE
                10.2.7.0/24 URBAN_PLANNING
                10.2.8.0/24 INFORMATION_SYSTEMS
                default TRANSVERSAL
                """;

        @Override
        public Declarant declarant() {
            return new Declarant(DeclarantKind.EPCI, "200030195", null, null, "Métropole Nice Côte d'Azur");
        }

        @Override
        public void simulate(ObservatoireSdk sdk, Path workDir) throws Exception {
            Path log = workDir.resolve("access.log");
            SquidLogGenerator.withSeed(6).startMillis(System.currentTimeMillis() - 86_400_000L).write(log, 50_000);
            AiServiceCatalogue catalogue = AiServiceCatalogue.builtIn();
            SubnetServiceMap subnets = SubnetServiceMap.parse(new StringReader(SUBNETS), "subnets", Service.TRANSVERSAL);
            Inventory declared = new Inventory(1, List.of(Usages.socialAidTriage(), Usages.documentClassification()));
            sdk.activity("classement-ged", Service.GENERAL_MANAGEMENT, ActionKind.DOCUMENT_CLASSIFIED).add(2210);
            sdk.activity("pre-instruction-aides", Service.SOCIAL_ACTION, ActionKind.DECISION_SUPPORTED).add(96);

            ScanResult scan = new SquidLogScanner(sdk, catalogue, subnets).scan(log);
            sdk.declareInventory(ShadowAiInventory.merge(declared, ShadowAiInventory.usages(catalogue, scan)));
            sdk.reportSource(scan.sourceReport("0.1.0"));
            if (scan.malformed() > 0) {
                sdk.recordLoss(scan.malformedLoss().reason(), "squid", scan.malformedLoss().count());
            }
        }

        @Override
        public String story() {
            return "journal du proxy web (Squid) : usages non déclarés d'IA publiques";
        }
    }

    /** La Brigue, 763 inhabitants: a few declared uses, monthly, so that its counts are less thin. */
    static final class LaBrigue implements DemoCollectivite {
        @Override
        public Declarant declarant() {
            return new Declarant(DeclarantKind.COMMUNE, "210601621", "06162", null, "La Brigue");
        }

        @Override
        public PeriodKind periodKind() {
            return PeriodKind.MONTH;
        }

        @Override
        public void simulate(ObservatoireSdk sdk, Path workDir) {
            sdk.declareInventory(new Inventory(1, List.of(Usages.secretaryChatGpt())));
            sdk.activity("chatgpt-secretariat", Service.GENERAL_MANAGEMENT, ActionKind.PROMPT).add(23);
            sdk.agentActive("chatgpt-secretariat", "secretariat");
            sdk.reportSource(new SourceReport("saisie-manuelle", "0.1.0", fr.observatoire.ia.model.SourceStatus.OK, 1, null));
        }

        @Override
        public String story() {
            return "commune de 763 habitants, déclaration mensuelle saisie par le secrétariat";
        }
    }
}
