package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShadowAiInventoryTest {
    private final AiServiceCatalogue catalogue = AiServiceCatalogue.builtIn();

    @Test
    void oneShadowUsagePerDetectedServiceWithTheServicesItWasUsedFrom() {
        ScanResult result = new ScanResult(10, 4, 0, 0, 1000, ScanCursor.START, false, List.of(
                new UsageCount("chatgpt", Service.FINANCE, 2),
                new UsageCount("chatgpt", Service.CIVIL_REGISTRY, 1),
                new UsageCount("deepl", Service.COMMUNICATION, 1)), null, null, null);

        List<AiUsage> usages = ShadowAiInventory.usages(catalogue, result);

        assertThat(usages).extracting(AiUsage::id).containsExactly("chatgpt", "deepl");
        AiUsage chatgpt = usages.get(0);
        assertThat(chatgpt.name()).isEqualTo("ChatGPT");
        assertThat(chatgpt.tool()).isEqualTo("ChatGPT");
        assertThat(chatgpt.provider()).isEqualTo("OpenAI");
        assertThat(chatgpt.hosting()).isEqualTo(Hosting.NON_EU_CLOUD);
        assertThat(chatgpt.purpose()).isEqualTo(Purpose.OTHER);
        assertThat(chatgpt.services()).containsExactly(Service.CIVIL_REGISTRY, Service.FINANCE);
        assertThat(chatgpt.governance()).isEqualTo(Governance.SHADOW);
        assertThat(chatgpt.maturity()).isEqualTo(Maturity.EXPERIMENT);
        assertThat(chatgpt.dataCategories()).containsExactly(DataCategory.INTERNAL);
        assertThat(chatgpt.automation()).isEqualTo(AutomationLevel.AI_INFORMS);
        assertThat(chatgpt.aiAct().riskClass()).isEqualTo(AiActRiskClass.NOT_ASSESSED);
        assertThat(chatgpt.publication()).isEqualTo(PublicationLevel.STATISTICS_ONLY);
        assertThat(chatgpt.description()).contains("ChatGPT").contains("shadow AI");
        assertThat(usages.get(1).purpose()).isEqualTo(Purpose.TRANSLATION);
        assertThat(usages.get(1).hosting()).isEqualTo(Hosting.EU_CLOUD);
    }

    @Test
    void theCollectivitesCatalogueDecidesGovernanceAndUnknownIdsAreSkipped() throws IOException {
        AiServiceCatalogue local = catalogue.extendedWith(new StringReader(
                "albert | Albert | DINUM | SECNUMCLOUD | DRAFTING | albert.numerique.gouv.fr | SANCTIONED\n"), "local.txt");

        List<AiUsage> usages = ShadowAiInventory.usages(local, Map.of(
                "albert", Set.of(Service.HUMAN_RESOURCES), "retired-service", Set.of(Service.FINANCE)));

        assertThat(usages).singleElement().satisfies(u -> {
            assertThat(u.governance()).isEqualTo(Governance.SANCTIONED);
            assertThat(u.purpose()).isEqualTo(Purpose.DRAFTING);
            assertThat(u.description()).doesNotContain("shadow");
        });
    }

    @Test
    void mergingAddsNewUsagesAndServicesButKeepsTheCollectivitesWords() {
        AiUsage handWritten = new AiUsage("chatgpt", "ChatGPT Team", "Abonnement de la DSI", "ChatGPT", "OpenAI", "GPT-4o",
                Hosting.NON_EU_CLOUD, Purpose.DRAFTING, List.of(Service.COMMUNICATION), Maturity.PILOT, Governance.SANCTIONED,
                List.of(DataCategory.INTERNAL), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT,
                fr.observatoire.ia.model.AiActAssessment.of(AiActRiskClass.MINIMAL), List.of(), List.of(),
                PublicationLevel.PUBLIC_REGISTER);
        Inventory current = new Inventory(4, List.of(handWritten));
        List<AiUsage> detected = ShadowAiInventory.usages(catalogue, Map.of(
                "chatgpt", Set.of(Service.FINANCE, Service.COMMUNICATION), "claude", Set.of(Service.FINANCE)));

        Inventory merged = ShadowAiInventory.merge(current, detected);

        assertThat(merged.version()).isEqualTo(5);
        AiUsage chatgpt = merged.usage("chatgpt").orElseThrow();
        assertThat(chatgpt.name()).isEqualTo("ChatGPT Team");
        assertThat(chatgpt.governance()).isEqualTo(Governance.SANCTIONED);
        assertThat(chatgpt.publication()).isEqualTo(PublicationLevel.PUBLIC_REGISTER);
        assertThat(chatgpt.services()).containsExactly(Service.FINANCE, Service.COMMUNICATION);
        assertThat(merged.usage("claude")).get().extracting(AiUsage::governance).isEqualTo(Governance.SHADOW);

        // Nothing new: the same inventory, same version.
        assertThat(ShadowAiInventory.merge(merged, detected)).isSameAs(merged);
        assertThat(ShadowAiInventory.merge(Inventory.empty(), List.of()).version()).isEqualTo(1);
    }
}
