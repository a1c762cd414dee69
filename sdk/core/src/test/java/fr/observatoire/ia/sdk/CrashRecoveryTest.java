package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.sdk.testing.CrashVictim;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code kill -9} loses at most one checkpoint interval, and the data directory opens again afterwards. */
class CrashRecoveryTest {
    @TempDir
    Path dataDir;

    @Test
    void after_sigkill_the_checkpointed_counts_are_in_the_store() throws Exception {
        Process victim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashVictim.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = CompletableFuture.supplyAsync(() -> readUntilReady(out)).get(60, TimeUnit.SECONDS);
            assertThat(ready).as("the child JVM started and checkpointed").isEqualTo("READY");
            victim.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no final checkpoint
            assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            victim.destroyForcibly();
        }

        try (ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9").build()) {
            long recovered = sdk.preview().orElseThrow().declaration().activity().stream().mapToLong(ActivityCount::count).sum();
            assertThat(recovered).as("recovered %d", recovered).isBetween((long) CrashVictim.CHECKPOINTED, (long) CrashVictim.CHECKPOINTED + CrashVictim.AT_RISK);
        }
    }

    private static String readUntilReady(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY") || line.startsWith("FLUSH")) {
                    return line;
                }
            }
            return "the child JVM exited";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
