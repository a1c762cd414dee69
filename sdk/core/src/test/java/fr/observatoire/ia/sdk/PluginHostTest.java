package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.Rows;
import fr.observatoire.ia.sdk.internal.store.SqliteDataSources;
import fr.observatoire.ia.sdk.testing.FakePullPlugin;
import fr.observatoire.ia.sdk.testing.FaultyDataSource;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import fr.observatoire.ia.spi.PluginException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plugin host through the SDK's public API: atomic commits, isolation, persistence, provenance, disabling. */
class PluginHostTest {
    /** Nothing listens there: these tests look at previews, nothing is sent. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    @TempDir
    Path dataDir;
    private final MutableClock clock = new MutableClock(TestData.WEDNESDAY);
    private final List<ObservatoireSdk> sdks = new ArrayList<>();

    @AfterEach
    void closeAll() {
        sdks.forEach(ObservatoireSdk::close);
    }

    @Test
    void aPullIsCommittedWithItsCursorAndDeclaredWithItsUsageAndLosses() {
        FakePullPlugin fake = new FakePullPlugin("fake");
        ObservatoireSdk sdk = start(plugins(fake).enable("fake"));

        PluginStatus first = sdk.pullNow("fake");
        sdk.pullNow("fake");

        assertThat(fake.cursorsSeen()).containsExactly(Optional.empty(), Optional.of("3"));
        assertThat(first.state()).isEqualTo(PluginStatus.State.OK);
        assertThat(first.lastRecords()).isEqualTo(3);
        Declaration next = preview(sdk);
        assertThat(next.activity()).containsExactly(new ActivityCount(FakePullPlugin.USAGE, Service.TRANSVERSAL, ActionKind.PROMPT, 6));
        assertThat(next.activeAgents()).singleElement().satisfies(a -> assertThat(a.usageId()).isEqualTo(FakePullPlugin.USAGE));
        assertThat(next.inventory().usages()).extracting(AiUsage::id).containsExactly(FakePullPlugin.USAGE);
        assertThat(source(next, "fake")).isEqualTo(new SourceReport("fake", "9.9.9", SourceStatus.OK, 6, null));
        assertThat(next.provenance().losses()).containsExactly(new LossCount(LossReason.MALFORMED_INPUT, "fake", 2));
    }

    @Test
    void aCrashBetweenPullAndCommitRepeatsTheSameBatchAndCountsItOnce() {
        FaultyDataSource store = new FaultyDataSource(SqliteDataSources.forFile(dataDir.resolve("store.db")),
                "UPDATE plugin_state SET last_success");
        FakePullPlugin fake = new FakePullPlugin("fake");
        ObservatoireSdk sdk = start(plugins(fake).enable("fake"), b -> b.dataSource(store));

        store.arm();
        PluginStatus crashed = sdk.pullNow("fake");
        PluginStatus retried = sdk.pullNow("fake");

        assertThat(store.fired()).as("the transaction failed after the counts were written").isTrue();
        assertThat(crashed.state()).isEqualTo(PluginStatus.State.FAILING);
        assertThat(crashed.problem()).contains("simulated crash");
        assertThat(retried.state()).isEqualTo(PluginStatus.State.OK);
        assertThat(fake.cursorsSeen()).as("the same batch is pulled again").containsExactly(Optional.empty(), Optional.empty());
        Declaration next = preview(sdk);
        assertThat(next.activity()).containsExactly(new ActivityCount(FakePullPlugin.USAGE, Service.TRANSVERSAL, ActionKind.PROMPT, 3));
        assertThat(next.provenance().losses()).contains(new LossCount(LossReason.MALFORMED_INPUT, "fake", 1));
        assertThat(source(next, "fake").status()).as("one pull failed in the period").isEqualTo(SourceStatus.DEGRADED);
    }

    @Test
    void theCursorSurvivesARestart() {
        ObservatoireSdk first = start(plugins(new FakePullPlugin("fake")).enable("fake"));
        first.pullNow("fake");
        first.close();

        FakePullPlugin again = new FakePullPlugin("fake");
        ObservatoireSdk second = start(plugins(again).enable("fake"));
        PluginStatus before = second.pluginStatus().get(0);
        second.pullNow("fake");

        assertThat(before.lastSuccess()).as("health is kept with the cursor").isNotNull();
        assertThat(again.cursorsSeen()).containsExactly(Optional.of("3"));
        assertThat(preview(second).activity()).extracting(ActivityCount::count).containsExactly(6L);
    }

    @Test
    void aFailingPluginIsReportedAndIsolatedFromTheOthersAndTheHost() {
        FakePullPlugin good = new FakePullPlugin("good");
        FakePullPlugin buggy = new FakePullPlugin("buggy");
        FakePullPlugin broken = new FakePullPlugin("broken");
        FakePullPlugin failing = new FakePullPlugin("failing");
        for (int i = 0; i < 1000; i++) {
            buggy.then(FakePullPlugin.throwing(new IllegalStateException("ticket 'Mme Dupont, RSA' unparsable")));
            broken.then(FakePullPlugin.throwing(new StackOverflowError()));
            failing.then(FakePullPlugin.throwing(PluginException.transientFailure("GLPI answered 503 at https://glpi.mairie.example", null)));
        }
        PluginSettings.Builder settings = plugins(good, buggy, broken, failing).enable("good", "buggy", "broken", "failing");
        for (String name : List.of("good", "buggy", "broken", "failing")) {
            settings.property("observatoire.plugins." + name + ".interval", "20ms");
        }
        ObservatoireSdk sdk = start(settings.scheduled(true));

        Sdks.await(() -> good.pulls() >= 5 && buggy.pulls() >= 5 && broken.pulls() >= 5 && failing.pulls() >= 2, Duration.ofSeconds(20));
        sdk.activity(FakePullPlugin.USAGE, Service.FINANCE, ActionKind.PROMPT).add(1);

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("observatoire-plugin-good"))
                .singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
        Map<String, PluginStatus> statuses = byName(sdk.pluginStatus());
        assertThat(statuses.get("good").state()).isEqualTo(PluginStatus.State.OK);
        assertThat(statuses.get("buggy").state()).isEqualTo(PluginStatus.State.FAILING);
        assertThat(statuses.get("failing").consecutiveFailures()).isGreaterThanOrEqualTo(2);
        Declaration next = preview(sdk);
        assertThat(next.activity()).contains(new ActivityCount(FakePullPlugin.USAGE, Service.FINANCE, ActionKind.PROMPT, 1));
        assertThat(source(next, "good").status()).isEqualTo(SourceStatus.OK);
        SourceReport bug = source(next, "buggy");
        assertThat(bug.status()).isEqualTo(SourceStatus.FAILED);
        assertThat(bug.problem()).contains("internal error", "IllegalStateException").doesNotContain("Dupont");
        assertThat(source(next, "broken").problem()).contains("StackOverflowError");
        assertThat(source(next, "failing").problem()).contains("GLPI answered 503");
        assertThat(next.provenance().losses()).filteredOn(l -> l.reason() == LossReason.SOURCE_FAILURE)
                .extracting(LossCount::source).containsExactlyInAnyOrder("buggy", "broken", "failing");
    }

    @Test
    void aSuccessAfterAFailureMakesThePeriodDegradedWithoutSourceFailureLoss() {
        FakePullPlugin fake = new FakePullPlugin("fake").then(FakePullPlugin.throwing(new PluginException("GLPI refused the token")));
        ObservatoireSdk sdk = start(plugins(fake).enable("fake"));

        PluginStatus failed = sdk.pullNow("fake");
        Declaration afterFailure = preview(sdk);
        sdk.pullNow("fake");
        Declaration afterSuccess = preview(sdk);

        assertThat(failed.problem()).isEqualTo("GLPI refused the token");
        assertThat(source(afterFailure, "fake")).isEqualTo(new SourceReport("fake", "9.9.9", SourceStatus.FAILED, 0, "GLPI refused the token"));
        assertThat(afterFailure.provenance().losses()).containsExactly(new LossCount(LossReason.SOURCE_FAILURE, "fake", 1));
        assertThat(source(afterSuccess, "fake")).isEqualTo(new SourceReport("fake", "9.9.9", SourceStatus.DEGRADED, 3, "GLPI refused the token"));
        assertThat(afterSuccess.provenance().losses()).containsExactly(new LossCount(LossReason.MALFORMED_INPUT, "fake", 1));
    }

    @Test
    void onlyEnabledPluginsRunAndAPluginThatCannotStartIsDisabledAndReported() {
        FakePullPlugin idle = new FakePullPlugin("idle");
        FakePullPlugin misconfigured = new FakePullPlugin("glpi").failingStart(cursor -> {
            throw new PluginException("observatoire.plugins.glpi.url is required");
        });
        FakePullPlugin crashing = new FakePullPlugin("crashing").failingStart(cursor -> {
            throw new NullPointerException("oops");
        });
        FakePullPlugin future = new FakePullPlugin("future").spiVersion("2.0");
        ObservatoireSdk sdk = start(plugins(idle, misconfigured, crashing, future).enable("glpi", "crashing", "future", "ghost", "Bad_Name"));

        Map<String, PluginStatus> statuses = byName(sdk.pluginStatus());

        assertThat(idle.starts()).isZero();
        assertThat(statuses).doesNotContainKey("idle");
        assertThat(statuses.values()).allSatisfy(s -> assertThat(s.state()).isEqualTo(PluginStatus.State.DISABLED));
        assertThat(statuses.get("glpi").problem()).isEqualTo("observatoire.plugins.glpi.url is required");
        assertThat(statuses.get("crashing").problem()).contains("failed to start", "NullPointerException");
        assertThat(statuses.get("future").problem()).contains("SPI 2.0", "SPI 1.0");
        assertThat(future.starts()).as("an incompatible plugin is never called").isZero();
        assertThat(statuses.get("ghost").problem()).contains("no plugin named ghost", "fake-loaded");
        assertThat(statuses.get("bad_name").problem()).contains("not a plugin name");
        assertThat(sdk.pullNow("glpi").state()).isEqualTo(PluginStatus.State.DISABLED);
        assertThat(misconfigured.pulls()).isZero();
        assertThatThrownBy(() -> sdk.pullNow("idle")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle");
        Declaration next = preview(sdk);
        assertThat(source(next, "glpi")).isEqualTo(new SourceReport("glpi", "9.9.9", SourceStatus.FAILED, 0,
                "observatoire.plugins.glpi.url is required"));
        assertThat(next.provenance().sources()).extracting(SourceReport::name).contains("ghost", "future").doesNotContain("idle");
        assertThat(next.provenance().losses()).contains(new LossCount(LossReason.SOURCE_FAILURE, "glpi", 1));
        sdk.close();
        assertThat(misconfigured.stops()).as("a plugin that did not start is not stopped").isZero();
    }

    @Test
    void pluginsAreFoundByTheServiceLoaderAndConfiguredThroughMicroProfileConfig() {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "observatoire.plugins.enabled", "fake-loaded, fake",
                "observatoire.plugins.fake.interval", "PT2H",
                "observatoire.plugins.fake.url", "https://glpi.mairie.example",
                "observatoire.plugins.fake-loaded.interval", "every day"), "test", 100)).build();
        FakePullPlugin fake = new FakePullPlugin("fake");
        PluginSettings.Builder settings = PluginSettings.builder().config(config).plugin(fake).scheduled(false);

        ObservatoireSdk sdk = start(settings);
        Map<String, PluginStatus> statuses = byName(sdk.pluginStatus());

        assertThat(fake.context().config().get("url")).contains("https://glpi.mairie.example");
        assertThat(fake.context().config().get("absent")).isEmpty();
        assertThatThrownBy(() -> fake.context().config().require("token")).isInstanceOf(PluginException.class)
                .hasMessageContaining("observatoire.plugins.fake.token").hasMessageContaining("OBSERVATOIRE_PLUGINS_FAKE_TOKEN");
        assertThat(fake.context().observatory()).isSameAs(sdk);
        assertThat(statuses.get("fake").interval()).isEqualTo(Duration.ofHours(2));
        assertThat(statuses.get("fake-loaded").kind()).isEqualTo(PluginStatus.Kind.PULL);
        assertThat(statuses.get("fake-loaded").problem()).contains("observatoire.plugins.fake-loaded.interval", "every day");
    }

    @Test
    void agentsOfABatchArePseudonymisedExactlyLikeAgentActive() {
        FakePullPlugin fake = new FakePullPlugin("fake");
        ObservatoireSdk sdk = start(plugins(fake).enable("fake"));

        sdk.agentActive(FakePullPlugin.USAGE, "agent-0");
        sdk.pullNow("fake");
        sdk.flush(Duration.ofSeconds(5));

        assertThat(distinctAgents(FakePullPlugin.USAGE)).as("agent-0 counted once, from both paths").isEqualTo(3);
    }

    @Test
    void aDisabledSdkHasNoPlugins() {
        ObservatoireSdk sdk = ObservatoireSdk.builder().enabled(false).plugins(plugins(new FakePullPlugin("fake")).enable("fake").build()).build();
        sdks.add(sdk);

        assertThat(sdk.pluginStatus()).isEmpty();
        assertThatThrownBy(() -> sdk.pullNow("fake")).isInstanceOf(IllegalStateException.class);
    }

    private ObservatoireSdk start(PluginSettings.Builder settings) {
        return start(settings, UnaryOperator.identity());
    }

    private ObservatoireSdk start(PluginSettings.Builder settings, UnaryOperator<ObservatoireSdk.Builder> adjust) {
        ObservatoireSdk sdk = adjust.apply(Sdks.builder(dataDir, clock, NOWHERE)).plugins(settings.build()).build();
        sdks.add(sdk);
        return sdk;
    }

    private static PluginSettings.Builder plugins(FakePullPlugin... plugins) {
        PluginSettings.Builder builder = PluginSettings.builder().scheduled(false);
        for (FakePullPlugin plugin : plugins) {
            builder.plugin(plugin);
        }
        return builder;
    }

    private static Declaration preview(ObservatoireSdk sdk) {
        return sdk.preview().orElseThrow().declaration();
    }

    private static SourceReport source(Declaration declaration, String name) {
        return declaration.provenance().sources().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no source " + name + " in " + declaration.provenance().sources()));
    }

    private static Map<String, PluginStatus> byName(List<PluginStatus> statuses) {
        Map<String, PluginStatus> map = new java.util.LinkedHashMap<>();
        statuses.forEach(s -> map.put(s.name(), s));
        return map;
    }

    private long distinctAgents(String usageId) {
        return Database.borrowingConnections(SqliteDataSources.forFile(dataDir.resolve(SqliteDataSources.FILE_NAME)))
                .inTransaction(connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "SELECT COUNT(DISTINCT pseudonym) FROM agent_seen WHERE usage_id = ?")) {
                        Rows.bind(statement, usageId);
                        try (ResultSet row = statement.executeQuery()) {
                            row.next();
                            return row.getLong(1);
                        }
                    }
                });
    }
}
