package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A host and plugins each say what they know of the inventory; nobody erases anybody. */
class InventoryContributionTest {
    @TempDir
    Path dataDir;
    FakeObservatory observatory;
    final MutableClock clock = new MutableClock(TestData.WEDNESDAY);

    @BeforeEach
    void start() {
        observatory = new FakeObservatory();
    }

    @AfterEach
    void stop() {
        observatory.close();
    }

    @Test
    void contributions_are_merged_with_the_host_inventory_which_wins_and_survive_a_restart() throws Exception {
        int[] versionBefore = new int[1];
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.declareInventory(TestData.inventory("redaction", "chatgpt"));
            sdk.contributeUsages("squid", List.of(named("chatgpt", "ChatGPT vu par le proxy"), named("deepl", "DeepL vu par le proxy")));
            sdk.contributeUsages("intranet", List.of(named("deepl", "DeepL déclaré par les agents"), named("lechat", "Le Chat")));
            // The host declares again, as it would at each start: the plugins' usages stay.
            sdk.declareInventory(TestData.inventory("redaction", "chatgpt"));

            Inventory first = sdk.closePeriodNow().declaration().inventory();
            assertThat(first.usages()).extracting(AiUsage::id).containsExactly("redaction", "chatgpt", "deepl", "lechat");
            assertThat(first.usage("chatgpt").orElseThrow().name()).as("the host wins").isEqualTo("Usage chatgpt");
            assertThat(first.usage("deepl").orElseThrow().name()).as("sources take turns by name").isEqualTo("DeepL déclaré par les agents");
            // 1 or 2: checkpoints every 20 ms may store the host's inventory alone first.
            assertThat(first.version()).isBetween(1, 2);

            sdk.contributeUsages("squid", List.of(named("deepl", "DeepL vu par le proxy")));
            sdk.declareInventory(TestData.inventory("redaction", "chatgpt"));
            assertThat(sdk.closePeriodNow().declaration().inventory()).as("nothing changed: same version").isEqualTo(first);

            sdk.contributeUsages("squid", List.of(abandoned(named("perplexity", "Perplexity"))));
            versionBefore[0] = first.version();
        }
        try (ObservatoireSdk restarted = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            Inventory third = restarted.closePeriodNow().declaration().inventory();
            assertThat(third.usages()).extracting(AiUsage::id).containsExactly("redaction", "chatgpt", "deepl", "lechat", "perplexity");
            assertThat(third.version()).isEqualTo(versionBefore[0] + 1);
        }
    }

    @Test
    void a_malformed_contribution_is_a_loss_not_an_exception() {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.contributeUsages("not a name", List.of(named("deepl", "DeepL")));
            sdk.contributeUsages("@host", List.of(named("deepl", "DeepL")));
            sdk.contributeUsages("squid", null);
            assertThat(sdk.preview().orElseThrow().declaration().provenance().losses())
                    .containsExactly(new LossCount(LossReason.MALFORMED_INPUT, "api", 3));
        }
    }

    private static AiUsage named(String id, String name) {
        AiUsage u = TestData.usage(id);
        return new AiUsage(u.id(), name, u.description(), u.tool(), u.provider(), u.modelFamily(), u.hosting(), u.purpose(),
                u.services(), u.maturity(), u.governance(), u.dataCategories(), u.automation(), u.aiAct(), u.obstacles(),
                u.uncertainties(), u.publication());
    }

    private static AiUsage abandoned(AiUsage u) {
        return new AiUsage(u.id(), u.name(), u.description(), u.tool(), u.provider(), u.modelFamily(), u.hosting(), u.purpose(),
                u.services(), Maturity.ABANDONED, u.governance(), u.dataCategories(), u.automation(), u.aiAct(), u.obstacles(),
                u.uncertainties(), u.publication());
    }
}
