package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.AiActAssessment;
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

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static fr.observatoire.ia.plugin.intranet.SelfDeclarationSummaryTest.CHATGPT;
import static fr.observatoire.ia.plugin.intranet.SelfDeclarationSummaryTest.LE_CHAT;
import static fr.observatoire.ia.plugin.intranet.SelfDeclarationSummaryTest.declaration;
import static org.assertj.core.api.Assertions.assertThat;

class InventoryPublisherTest {
    /** A usage the collectivité wrote itself: sanctioned, in production, published. */
    static final AiUsage HAND_WRITTEN = new AiUsage("chatgpt", "ChatGPT Entreprise", "Abonnement de la collectivité.", "ChatGPT",
            "OpenAI", "GPT-4o", Hosting.NON_EU_CLOUD, Purpose.DRAFTING, List.of(Service.COMMUNICATION), Maturity.PRODUCTION,
            Governance.SANCTIONED, List.of(DataCategory.INTERNAL), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT,
            AiActAssessment.of(AiActRiskClass.MINIMAL), List.of(Obstacle.COST), List.of(), PublicationLevel.PUBLIC_REGISTER);

    private final RecordingObservatory observatory = new RecordingObservatory();

    @Test
    void declares_only_when_the_merged_inventory_changes_with_a_new_version_each_time() {
        SelfDeclarationSummary summary = new SelfDeclarationSummary(1);
        InventoryPublisher publisher = new InventoryPublisher(observatory, Inventory::empty);

        summary.record(declaration(CHATGPT, Service.FINANCE, Governance.SHADOW));
        assertThat(publisher.publishIfChanged(summary.usages())).isTrue();
        summary.record(declaration(CHATGPT, Service.FINANCE, Governance.SHADOW));
        assertThat(publisher.publishIfChanged(summary.usages())).as("same answers again").isFalse();
        summary.record(declaration(CHATGPT, Service.FINANCE, Governance.SHADOW, Obstacle.SKILLS));
        assertThat(publisher.publishIfChanged(summary.usages())).as("a new obstacle").isTrue();

        assertThat(observatory.inventories).extracting(Inventory::version).containsExactly(2, 3);
        assertThat(observatory.inventories.get(1).usage("chatgpt").orElseThrow().obstacles()).containsExactly(Obstacle.SKILLS);
    }

    @Test
    void keeps_the_collectivite_words_and_adds_what_agents_cited() {
        Inventory base = new Inventory(7, List.of(HAND_WRITTEN));
        SelfDeclarationSummary summary = new SelfDeclarationSummary(1);
        summary.record(declaration(CHATGPT, Service.HUMAN_RESOURCES, Governance.SHADOW, Obstacle.TRUST));
        summary.record(declaration(LE_CHAT, Service.FINANCE, Governance.TOLERATED));

        Inventory merged = InventoryPublisher.merge(base, summary.usages(), 8);

        assertThat(merged.version()).isEqualTo(8);
        assertThat(merged.usages()).extracting(AiUsage::id).containsExactly("chatgpt", "lechat");
        AiUsage chatgpt = merged.usage("chatgpt").orElseThrow();
        assertThat(chatgpt.name()).isEqualTo("ChatGPT Entreprise");
        assertThat(chatgpt.governance()).isEqualTo(Governance.SANCTIONED);
        assertThat(chatgpt.maturity()).isEqualTo(Maturity.PRODUCTION);
        assertThat(chatgpt.publication()).isEqualTo(PublicationLevel.PUBLIC_REGISTER);
        assertThat(chatgpt.services()).containsExactly(Service.HUMAN_RESOURCES, Service.COMMUNICATION);
        assertThat(chatgpt.obstacles()).containsExactly(Obstacle.TRUST, Obstacle.COST);
        assertThat(merged.usage("lechat").orElseThrow().governance()).isEqualTo(Governance.TOLERATED);
    }

    @Test
    void republishes_when_the_host_changes_its_base_inventory_and_never_goes_below_its_version() {
        AtomicReference<Inventory> base = new AtomicReference<>(Inventory.empty());
        InventoryPublisher publisher = new InventoryPublisher(observatory, base::get);
        SelfDeclarationSummary summary = new SelfDeclarationSummary(1);
        summary.record(declaration(LE_CHAT, Service.FINANCE, Governance.TOLERATED));
        publisher.publishIfChanged(summary.usages());

        base.set(new Inventory(12, List.of(HAND_WRITTEN)));
        assertThat(publisher.publishIfChanged(summary.usages())).isTrue();
        assertThat(observatory.inventories.get(1).version()).isEqualTo(13);
        assertThat(observatory.inventories.get(1).usages()).extracting(AiUsage::id).containsExactly("chatgpt", "lechat");
    }
}
