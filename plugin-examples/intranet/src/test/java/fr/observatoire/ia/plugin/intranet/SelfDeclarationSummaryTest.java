package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SelfDeclarationSummaryTest {
    static final AiTool CHATGPT = AiTool.BUILT_IN.get(0);
    static final AiTool LE_CHAT = AiTool.BUILT_IN.get(1);

    static SelfDeclaration declaration(AiTool tool, Service service, Governance governance, Obstacle... obstacles) {
        return new SelfDeclaration(tool, Purpose.DRAFTING, service, Frequency.WEEKLY, governance, Set.of(obstacles));
    }

    @Test
    void builds_a_valid_usage_per_tool_from_the_answers() {
        SelfDeclarationSummary summary = new SelfDeclarationSummary(3);
        summary.record(declaration(CHATGPT, Service.HUMAN_RESOURCES, Governance.SHADOW, Obstacle.TRUST));
        summary.record(declaration(CHATGPT, Service.FINANCE, Governance.SHADOW, Obstacle.LEGAL_UNCERTAINTY));
        summary.record(new SelfDeclaration(CHATGPT, Purpose.SUMMARISING, Service.FINANCE, Frequency.DAILY, Governance.TOLERATED, Set.of()));

        assertThat(summary.usages()).singleElement().satisfies(usage -> {
            assertThat(usage.id()).isEqualTo("chatgpt");
            assertThat(usage.name()).isEqualTo("ChatGPT");
            assertThat(usage.tool()).isEqualTo("ChatGPT");
            assertThat(usage.provider()).isEqualTo("OpenAI");
            assertThat(usage.hosting()).isEqualTo(Hosting.NON_EU_CLOUD);
            assertThat(usage.governance()).isEqualTo(Governance.SHADOW);
            assertThat(usage.purpose()).isEqualTo(Purpose.DRAFTING);
            assertThat(usage.services()).containsExactly(Service.HUMAN_RESOURCES, Service.FINANCE);
            assertThat(usage.obstacles()).containsExactly(Obstacle.TRUST, Obstacle.LEGAL_UNCERTAINTY);
            assertThat(usage.maturity()).isEqualTo(Maturity.EXPERIMENT);
            assertThat(usage.publication()).isEqualTo(PublicationLevel.STATISTICS_ONLY);
            assertThat(usage.aiAct().riskClass()).isEqualTo(AiActRiskClass.NOT_ASSESSED);
            assertThat(usage.dataCategories()).containsExactly(DataCategory.INTERNAL);
            assertThat(usage.automation()).isEqualTo(AutomationLevel.AI_INFORMS);
            assertThat(usage.description()).contains("chaque semaine").doesNotContainPattern("\\d");
        });
        assertThat(new Inventory(1, summary.usages()).usages()).hasSize(1);
    }

    @Test
    void a_tool_enters_the_inventory_only_once_declared_min_answers_times() {
        SelfDeclarationSummary summary = new SelfDeclarationSummary();
        summary.record(declaration(LE_CHAT, Service.URBAN_PLANNING, Governance.SANCTIONED));
        summary.record(declaration(LE_CHAT, Service.URBAN_PLANNING, Governance.SANCTIONED));
        assertThat(summary.usages()).isEmpty();
        summary.record(declaration(LE_CHAT, Service.URBAN_PLANNING, Governance.SANCTIONED));
        assertThat(summary.usages()).extracting(AiUsage::id).containsExactly("lechat");
    }

    @Test
    void a_governance_tie_goes_to_the_less_sanctioned_answer() {
        SelfDeclarationSummary summary = new SelfDeclarationSummary(1);
        summary.record(declaration(CHATGPT, Service.FINANCE, Governance.SANCTIONED));
        summary.record(declaration(CHATGPT, Service.FINANCE, Governance.SHADOW));
        assertThat(summary.usages().get(0).governance()).isEqualTo(Governance.SHADOW);
        summary.record(declaration(CHATGPT, Service.FINANCE, Governance.SANCTIONED));
        assertThat(summary.usages().get(0).governance()).isEqualTo(Governance.SANCTIONED);
    }

    @Test
    void another_tool_has_no_tool_name_nor_provider_and_an_unknown_hosting() {
        SelfDeclarationSummary summary = new SelfDeclarationSummary(1);
        summary.record(declaration(AiTool.other(), Service.COMMUNICATION, Governance.SHADOW));
        assertThat(summary.usages()).singleElement().satisfies(usage -> {
            assertThat(usage.id()).isEqualTo("other");
            assertThat(usage.tool()).isNull();
            assertThat(usage.provider()).isNull();
            assertThat(usage.hosting()).isEqualTo(Hosting.UNKNOWN);
        });
    }

    @Test
    void usages_are_sorted_by_slug() {
        SelfDeclarationSummary summary = new SelfDeclarationSummary(1);
        summary.record(declaration(LE_CHAT, Service.FINANCE, Governance.SHADOW));
        summary.record(declaration(CHATGPT, Service.FINANCE, Governance.SHADOW));
        assertThat(summary.usages()).extracting(AiUsage::id).containsExactly("chatgpt", "lechat");
    }
}
