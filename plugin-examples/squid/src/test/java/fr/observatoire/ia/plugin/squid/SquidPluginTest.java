package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.ObservatoirePlugin;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SquidPluginTest {
    private static final String CHATGPT = "1718000000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/104.18.32.47 -";
    private static final String DEEPL = "1718000001.456     12 10.1.3.4 TCP_MISS/200 1532 GET http://www.deepl.com/translator jdupont HIER_DIRECT/1.2.3.4 text/html";

    @TempDir
    Path dir;

    @Test
    void isFoundByTheServiceLoaderUnderItsName() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(ObservatoirePlugin.class).forEach(p -> names.add(p.name()));
        assertThat(names).contains("squid");
        PullPlugin plugin = new SquidPlugin();
        assertThat(plugin.name()).matches(ObservatoirePlugin.NAME);
        assertThat(plugin.spiVersion()).isEqualTo(ObservatoirePlugin.SPI_VERSION);
        assertThat(plugin.version()).as("filtered from the build").isNotBlank().doesNotContain("${");
    }

    @Test
    void pullCountsTheLogAndReturnsTheCursorUsagesAndLosses() throws Exception {
        Path log = dir.resolve("access.log");
        SquidLogGenerator.GeneratedLog generated = SquidLogGenerator.withSeed(7).garbageShare(0.01).write(log, 5_000);
        SquidPlugin plugin = started(Map.of("log", log.toString()));

        PullBatch batch = plugin.pull(Optional.empty(), PullPlugin.PullProgress.NONE);

        long counted = batch.activity().values().stream().mapToLong(Long::longValue).sum();
        assertThat(counted).isEqualTo(generated.aiServed());
        assertThat(batch.records()).isEqualTo(generated.lines());
        assertThat(batch.losses()).containsExactly(new LossCount(LossReason.MALFORMED_INPUT, "squid", generated.garbageLines()));
        assertThat(batch.usages()).extracting(AiUsage::id).containsExactlyInAnyOrderElementsOf(
                batch.activity().keySet().stream().map(PullBatch.ActivityKey::usageId).distinct().toList());
        assertThat(batch.usages()).allSatisfy(u -> assertThat(u.governance()).isIn(Governance.SHADOW, Governance.SANCTIONED, Governance.TOLERATED));
        assertThat(batch.agents()).isNotEmpty();
        assertThat(ScanCursor.decode(batch.cursor()).offset()).isEqualTo(Files.size(log));
    }

    @Test
    void theNextPullStartsAtTheCursorAndCountsOnlyNewLines() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), CHATGPT + "\n");
        SquidPlugin plugin = started(Map.of("log", log.toString()));
        PullBatch first = plugin.pull(Optional.empty(), PullPlugin.PullProgress.NONE);
        Files.writeString(log, CHATGPT + "\n" + DEEPL + "\n");

        PullBatch again = plugin.pull(Optional.of(first.cursor()), PullPlugin.PullProgress.NONE);

        assertThat(first.activity()).containsExactlyEntriesOf(Map.of(
                new PullBatch.ActivityKey("chatgpt", Service.TRANSVERSAL, fr.observatoire.ia.model.ActionKind.WEB_ACCESS), 1L));
        assertThat(again.activity()).containsOnlyKeys(
                new PullBatch.ActivityKey("deepl", Service.TRANSVERSAL, fr.observatoire.ia.model.ActionKind.WEB_ACCESS));
        assertThat(again.records()).isEqualTo(1);
        assertThat(again.losses()).as("no malformed line, no loss reported").isEmpty();
        PullBatch nothingNew = plugin.pull(Optional.of(again.cursor()), PullPlugin.PullProgress.NONE);
        assertThat(nothingNew.activity()).isEmpty();
        assertThat(nothingNew.cursor()).isEqualTo(again.cursor());
    }

    @Test
    void subnetsAndDefaultServiceDecideTheCollectiviteService() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), CHATGPT + "\n" + DEEPL + "\n");
        Path subnets = Files.writeString(dir.resolve("subnets.txt"), "10.1.2.0/24 CIVIL_REGISTRY\n");
        SquidPlugin plugin = started(Map.of("log", log.toString(), "subnets", subnets.toString(), "default-service", "finance"));

        PullBatch batch = plugin.pull(Optional.empty(), PullPlugin.PullProgress.NONE);

        assertThat(batch.activity().keySet()).extracting(PullBatch.ActivityKey::usageId, PullBatch.ActivityKey::service)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("chatgpt", Service.CIVIL_REGISTRY),
                        org.assertj.core.groups.Tuple.tuple("deepl", Service.FINANCE));
    }

    @Test
    void anExtraCatalogueAddsServices() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"),
                "1718000000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT ia.mairie.example:443 - HIER_DIRECT/1.2.3.4 -\n");
        Path catalogue = Files.writeString(dir.resolve("ai.txt"),
                "@version 2\nmairie-ia | IA de la mairie | Mairie | ON_PREMISE | DRAFTING | ia.mairie.example | SANCTIONED\n");
        SquidPlugin plugin = started(Map.of("log", log.toString(), "catalogue", catalogue.toString()));

        PullBatch batch = plugin.pull(Optional.empty(), PullPlugin.PullProgress.NONE);

        assertThat(batch.usages()).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo("mairie-ia");
            assertThat(u.governance()).isEqualTo(Governance.SANCTIONED);
        });
    }

    @Test
    void reportsProgressOnTheLog() throws Exception {
        Path log = dir.resolve("access.log");
        SquidLogGenerator.withSeed(3).write(log, 20_000);
        SquidPlugin plugin = started(Map.of("log", log.toString()));
        List<long[]> updates = new ArrayList<>();

        plugin.pull(Optional.empty(), (done, total) -> updates.add(new long[]{done, total}));

        assertThat(updates).isNotEmpty();
        long[] last = updates.get(updates.size() - 1);
        assertThat(last[0]).isEqualTo(Files.size(log));
        assertThat(last[1]).isEqualTo(Files.size(log));
    }

    @Test
    void aMissingOrWrongSettingStopsTheStartNamingTheKey() throws IOException {
        Path log = Files.writeString(dir.resolve("access.log"), CHATGPT + "\n");
        assertStartFails(Map.of(), "observatoire.plugins.squid.log");
        assertStartFails(Map.of("log", dir.resolve("nope.log").toString()), "observatoire.plugins.squid.log", "nope.log");
        assertStartFails(Map.of("log", log.toString(), "default-service", "cuisine"), "observatoire.plugins.squid.default-service", "cuisine");
        assertStartFails(Map.of("log", log.toString(), "subnets", dir.resolve("absent.txt").toString()), "observatoire.plugins.squid.subnets");
        Path badSubnets = Files.writeString(dir.resolve("subnets.txt"), "10.1.2.0/24 CIVIL_REGISTRY\n10.1.3.0/24 KITCHEN\n");
        assertStartFails(Map.of("log", log.toString(), "subnets", badSubnets.toString()), "observatoire.plugins.squid.subnets", "subnets.txt:2");
        Path badCatalogue = Files.writeString(dir.resolve("ai.txt"), "@version 2\nnot a catalogue line\n");
        assertStartFails(Map.of("log", log.toString(), "catalogue", badCatalogue.toString()), "observatoire.plugins.squid.catalogue", "ai.txt:2");
    }

    @Test
    void aSubnetFileErrorNamesTheLineButNotTheCollectivitesAddresses() throws IOException {
        Path log = Files.writeString(dir.resolve("access.log"), CHATGPT + "\n");
        Path v4 = Files.writeString(dir.resolve("v4.txt"), "10.1.2.0/33 CIVIL_REGISTRY\n");
        Path v6 = Files.writeString(dir.resolve("v6.txt"), "10.1.2.0/24 CIVIL_REGISTRY\n2001:db8:1::/129 FINANCE\n");

        assertThatThrownBy(() -> started(Map.of("log", log.toString(), "subnets", v4.toString())))
                .hasMessageContaining("v4.txt:1").hasMessageNotContaining("10.1.2.0");
        assertThatThrownBy(() -> started(Map.of("log", log.toString(), "subnets", v6.toString())))
                .hasMessageContaining("v6.txt:2").hasMessageNotContaining("2001:db8");
    }

    @Test
    void aVanishedLogIsATransientFailureAndAnAlteredCursorAPermanentOne() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), CHATGPT + "\n");
        SquidPlugin plugin = started(Map.of("log", log.toString()));
        assertThatThrownBy(() -> plugin.pull(Optional.of("garbage"), PullPlugin.PullProgress.NONE))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("cursor");
        Files.delete(log);
        assertThatThrownBy(() -> plugin.pull(Optional.empty(), PullPlugin.PullProgress.NONE))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.isTransient()).isTrue())
                .hasMessageContaining("access.log");
    }

    @Test
    void refusesToPullBeforeStart() {
        assertThatThrownBy(() -> new SquidPlugin().pull(Optional.empty(), PullPlugin.PullProgress.NONE))
                .isInstanceOf(PluginException.class).hasMessageContaining("not started");
    }

    private static SquidPlugin started(Map<String, String> settings) throws PluginException {
        SquidPlugin plugin = new SquidPlugin();
        plugin.start(new MapPluginContext(new HashMap<>(settings)));
        return plugin;
    }

    private static void assertStartFails(Map<String, String> settings, String... fragments) {
        assertThatThrownBy(() -> started(settings)).isInstanceOf(PluginException.class).hasMessageContainingAll(fragments);
    }
}
