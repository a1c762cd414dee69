package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that passes personal data everywhere it might by mistake: names and e-mails as agent ids, an IP address
 * as a usage id, a helpdesk ticket as a description, an incident summary with a phone number and a NIR, a plugin
 * problem with an internal address. None of it is in the bytes the observatory receives.
 */
class PersonalDataLeakTest {
    private static final String[] PERSONAL = {"Jean Dupont", "jean.dupont", "ville-nice.fr", "192.168.1.20", "marie.curie",
            "Ticket 4521", "06 12 34 56 78", "1 85 05 78 006 084 91", "10.12.0.5", "FR76 3000 6000 0112 3456 7890 189"};

    @TempDir
    Path dataDir;

    @Test
    void no_personal_data_leaves_whatever_the_host_passes() throws Exception {
        try (FakeObservatory observatory = new FakeObservatory();
             ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.declareInventory(new Inventory(1, List.of(TestData.usage("redaction"), TestData.usage("192.168.1.20"),
                    describedAs("support", "Ticket 4521 de marie.curie@ville-nice.fr : l'imprimante ne marche plus"),
                    describedAs("paie", "Virements vérifiés (ex. FR76 3000 6000 0112 3456 7890 189)"))));
            for (String agent : new String[]{"Jean Dupont", "jean.dupont@ville-nice.fr", "192.168.1.20"}) {
                sdk.agentActive("redaction", agent);
                sdk.agentActive("support", agent);
            }
            sdk.activity("redaction", Service.FINANCE, ActionKind.PROMPT).add(12);
            sdk.activity("192.168.1.20", Service.FINANCE, ActionKind.PROMPT).add(5);
            sdk.activity("support", Service.INFORMATION_SYSTEMS, ActionKind.SUMMARY).add(4);
            sdk.activity("jean.dupont@ville-nice.fr", Service.FINANCE, ActionKind.PROMPT).add(2);
            sdk.activity("redaction", Service.HUMAN_RESOURCES, ActionKind.SELF_DECLARATION).increment();
            sdk.reportIncident(incident("Jean Dupont (06 12 34 56 78, NIR 1 85 05 78 006 084 91) a reçu un courrier erroné"));
            ReportedIncident clean = incident("Un délai de recours erroné, corrigé à la relecture.");
            sdk.reportIncident(clean);
            sdk.reportSource(new SourceReport("glpi", "1.0", SourceStatus.DEGRADED, 3, "GLPI at 10.12.0.5 refused the token of marie.curie"));

            DeclarationPreview preview = sdk.preview().orElseThrow();
            assertThat(preview.payloadText()).doesNotContain(PERSONAL);
            assertThat(preview.summary(java.util.Locale.FRENCH)).doesNotContain(PERSONAL);

            Declaration declared = sdk.closePeriodNow().declaration();
            assertThat(sdk.flush(Duration.ofSeconds(10))).isTrue();
            byte[] received = observatory.acceptedPayloads().get(0);
            assertThat(new String(received, StandardCharsets.UTF_8)).doesNotContain(PERSONAL);
            // The clean records still go: only those carrying personal data are withheld.
            assertThat(declared.inventory().usages()).extracting(AiUsage::id).containsExactly("redaction");
            assertThat(declared.incidents().reported()).extracting(ReportedIncident::id).containsExactly(clean.id());
            assertThat(declared.activity()).singleElement().satisfies(count -> assertThat(count.count()).isEqualTo(12));
            // 3 usages + 5 + 4 of their actions + 1 incident + 1 problem text; 1 self-declaration alone in its service; 2 counts for an e-mail as usage id
            assertThat(declared.provenance().losses()).contains(new LossCount(LossReason.PRIVACY_FILTERED, "guard", 14),
                    new LossCount(LossReason.PRIVACY_FILTERED, "api", 1), new LossCount(LossReason.MALFORMED_INPUT, "api", 2));

            String lastError = sdk.status().lastError();
            assertThat(lastError).contains("withheld", "usage 'support', field description: e-mail address",
                    "usage 'paie', field description: IBAN", "usage #2 of the inventory, field id: IPv4 address", "PRIVACY_FILTERED");
            assertThat(lastError).doesNotContain(PERSONAL);
        }
    }

    private static AiUsage describedAs(String id, String description) {
        AiUsage u = TestData.usage(id);
        return new AiUsage(u.id(), u.name(), description, u.tool(), u.provider(), u.modelFamily(), u.hosting(), u.purpose(),
                u.services(), u.maturity(), u.governance(), u.dataCategories(), u.automation(), u.aiAct(), u.obstacles(),
                u.uncertainties(), u.publication());
    }

    private static ReportedIncident incident(String summary) {
        return new ReportedIncident(UUID.randomUUID(), "redaction", IncidentCategory.FACTUAL_ERROR, Severity.S1, List.of(),
                LocalDate.of(2025, 3, 11), null, summary, null, TestData.WEDNESDAY);
    }
}
