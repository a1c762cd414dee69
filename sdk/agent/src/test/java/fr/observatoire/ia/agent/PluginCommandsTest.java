package fr.observatoire.ia.agent;

import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.plugin.squid.SquidLogGenerator;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.testkit.FakeObservatory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** run (once and as a daemon) and preview, with the Squid plugin over a generated proxy log. */
class PluginCommandsTest {
    @TempDir
    Path dir;
    FakeObservatory observatory;
    AgentFixture agent;
    Path log;
    SquidLogGenerator.GeneratedLog generated;

    @BeforeEach
    void start() throws Exception {
        observatory = FakeObservatory.start();
        log = dir.resolve("access.log");
        generated = SquidLogGenerator.withSeed(42).garbageShare(0.001).write(log, 20_000);
        agent = new AgentFixture(dir, observatory.baseUrl()).set("observatoire.plugins.enabled", "squid")
                .set("observatoire.plugins.squid.log", log.toString());
    }

    @AfterEach
    void stop() {
        observatory.close();
    }

    @Test
    void runOncePullsTheLogAndTheDeclarationShowsTheAiServices() throws Exception {
        agent.run("enrol", observatory.issueEnrolmentCode(AgentFixture.NICE));

        AgentFixture.Result once = agent.run("run", "--once");
        AgentFixture.Result status = agent.run("status");
        AgentFixture.Result closed = agent.run("close-period");

        assertThat(once.exit()).as(once.all()).isEqualTo(ExitCode.OK);
        assertThat(once.out()).contains("squid : OK, dernière collecte");
        assertThat(status.out()).contains("squid : OK", "squid  Entrée illisible");
        assertThat(closed.exit()).as(closed.all()).isEqualTo(ExitCode.OK);
        Declaration declaration = observatory.awaitDeclarations(1, Duration.ofSeconds(5)).get(0).declaration();
        assertThat(declaration.activity()).extracting(ActivityCount::usageId).contains("chatgpt");
        assertThat(declaration.activity().stream().mapToLong(ActivityCount::count).sum()).isEqualTo(generated.aiServed());
        assertThat(declaration.inventory().usages()).extracting(u -> u.id()).contains("chatgpt");
        assertThat(declaration.provenance().sources()).extracting(SourceReport::name, SourceReport::status)
                .contains(org.assertj.core.groups.Tuple.tuple("squid", SourceStatus.OK));
        assertThat(new String(observatory.awaitDeclarations(1, Duration.ofSeconds(5)).get(0).payload(), StandardCharsets.UTF_8))
                .as("no IP address leaves").doesNotContainPattern("10\\.\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void runOnceWithAFailingPluginEndsWithStatus1AndNamesTheProblem() throws Exception {
        agent.set("observatoire.plugins.squid.log", dir.resolve("missing.log").toString());

        AgentFixture.Result once = agent.run("run", "--once");
        AgentFixture.Result english = agent.english().run("run", "--once");

        assertThat(once.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(once.out()).contains("squid : DÉSACTIVÉ — observatoire.plugins.squid.log", "missing.log");
        assertThat(english.out()).contains("squid: DISABLED — observatoire.plugins.squid.log");
    }

    @Test
    void runOnceWithoutPluginsIsAUsageError() throws Exception {
        AgentFixture.Result once = agent.set("observatoire.plugins.enabled", "").run("run", "--once");

        assertThat(once.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(once.err()).contains("observatoire.plugins.enabled");
    }

    @Test
    void previewShowsTheSummaryAndTheExactBytesWithoutSendingAnything() throws Exception {
        agent.run("run", "--once");

        AgentFixture.Result preview = agent.run("preview");
        AgentFixture.Result json = agent.run("preview", "--json");
        Path file = dir.resolve("next.json");
        AgentFixture.Result written = agent.run("preview", "--output", file.toString());

        assertThat(preview.exit()).as(preview.all()).isEqualTo(ExitCode.OK);
        assertThat(preview.out()).contains("Octets exacts qui seront signés et envoyés", "chatgpt");
        Declaration fromJson = ProtocolJson.read(json.out().strip().getBytes(StandardCharsets.UTF_8), Declaration.class);
        assertThat(fromJson.activity()).isNotEmpty();
        assertThat(written.exit()).isEqualTo(ExitCode.OK);
        // Only the id and issuedAt differ between two previews: they are fixed when the period closes.
        Declaration fromFile = ProtocolJson.read(Files.readAllBytes(file), Declaration.class);
        assertThat(fromFile.activity()).isEqualTo(fromJson.activity());
        assertThat(fromFile.inventory()).isEqualTo(fromJson.inventory());
        assertThat(observatory.declarations()).isEmpty();
    }

    @Test
    void theDaemonPullsOnItsScheduleUntilAskedToStop() throws Exception {
        agent.set("observatoire.plugins.squid.interval", "100ms").writeConfig();
        ObservatoireAgent daemon = agent.newAgent();

        CompletableFuture<AgentFixture.Result> running = CompletableFuture.supplyAsync(
                () -> agent.run(daemon, "--config", agent.config().toString(), "run"));
        long lastSuccess = awaitPull(Duration.ofSeconds(20));
        daemon.requestStop();
        AgentFixture.Result stopped = running.get(20, TimeUnit.SECONDS);

        assertThat(lastSuccess).isPositive();
        assertThat(stopped.exit()).as(stopped.all()).isEqualTo(ExitCode.OK);
        assertThat(stopped.out()).contains("Agent démarré. Plugins : squid", "Arrêt demandé", "non inscrit");
        assertThat(agent.run("preview", "--json").out()).contains("\"chatgpt\"");
    }

    /** Reads the daemon's store beside it (SQLite in WAL mode lets a reader in) until squid's pull is committed. */
    private long awaitPull(Duration timeout) throws Exception {
        Path db = agent.dataDir().resolve("observatoire.db");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(db)) {
                try (var connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                     ResultSet row = connection.createStatement().executeQuery(
                             "SELECT last_success FROM plugin_state WHERE name = 'squid' AND last_success IS NOT NULL")) {
                    if (row.next()) {
                        return row.getLong(1);
                    }
                } catch (java.sql.SQLException notYet) {
                    // The schema is being created.
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the daemon did not pull within " + timeout);
    }
}
