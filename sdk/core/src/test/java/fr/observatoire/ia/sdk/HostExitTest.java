package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.HostApplication;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host whose main returns while the observatory is down, slow or refusing: its JVM exits promptly (the SDK's
 * threads are daemons and the shutdown hook's close is bounded), the declaration waits in the outbox and the
 * counts recorded last were checkpointed by the hook.
 */
class HostExitTest {
    /** The default observatoire.shutdown-timeout: the hook waits at most that for a request in flight. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;
    FakeObservatory observatory;

    @BeforeEach
    void enrol() throws Exception {
        observatory = new FakeObservatory();
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
        }
    }

    @AfterEach
    void stop() {
        observatory.close();
    }

    @ParameterizedTest(name = "observatory {0}, {1}")
    @CsvSource({"stopped, hook, 3", "answering 503, hook, 3", "slow, hook, 8", "slow, no-hook, 3"})
    void the_host_jvm_exits_promptly(String observatoryState, String hook, int maxSeconds) throws Exception {
        String endpoint = observatory.endpoint();
        switch (observatoryState) {
            case "stopped" -> {
                observatory.close();
                endpoint = "http://127.0.0.1:" + FaultInjectionTest.FreePort.find();
            }
            case "answering 503" -> observatory.down();
            case "slow" -> observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.DECLARATIONS)).atPriority(1)
                    .willReturn(aResponse().withStatus(201).withFixedDelay(60_000)));
            default -> throw new IllegalArgumentException(observatoryState);
        }
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HostApplication.class.getName(), dataDir.toString(), endpoint, hook)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("RETURNING"));
            assertThat(line).as("main returned").isNotNull();
            long returned = System.nanoTime();
            assertThat(host.waitFor(30, TimeUnit.SECONDS)).as("the JVM exited").isTrue();
            Duration exit = Duration.ofNanos(System.nanoTime() - returned);
            assertThat(exit).as("from main's return to the JVM's exit").isLessThan(Duration.ofSeconds(maxSeconds));
            assertThat(host.exitValue()).isZero();
        } finally {
            host.destroyForcibly();
        }

        assertThat(Sdks.outbox(dataDir)).extracting(OutboxEntry::state).as("the declaration waits for the observatory")
                .containsExactly(OutboxEntry.State.PENDING);
        if (hook.equals("hook")) {
            try (ObservatoireSdk after = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9").build()) {
                long recorded = after.preview().orElseThrow().declaration().activity().stream().mapToLong(ActivityCount::count).sum();
                assertThat(recorded).as("the hook's final checkpoint kept what was recorded last")
                        .isEqualTo(HostApplication.RECORDED_AFTER_DECLARING);
            }
        }
    }
}
