package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Host threads add while the checkpoint thread (every millisecond) and a DPO's previews hit the store: totals stay exact. */
class ConcurrentRecordingTest {
    private static final int THREADS = 8;
    private static final int ADDS = 20_000;

    @TempDir
    Path dataDir;

    @Test
    void totals_are_exact_with_checkpoints_running_concurrently() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9")
                .checkpointInterval(Duration.ofMillis(1)).build()) {
            sdk.declareInventory(TestData.inventory("u0", "u1", "u2", "u3"));
            AtomicBoolean running = new AtomicBoolean(true);
            Thread previews = new Thread(() -> {
                while (running.get()) {
                    sdk.preview();
                }
            });
            previews.start();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    for (int i = 0; i < ADDS; i++) {
                        sdk.activity("u" + (i % 4), Service.FINANCE, ActionKind.PROMPT).add(1 + thread);
                    }
                });
                worker.start();
                threads.add(worker);
            }
            for (Thread worker : threads) {
                worker.join();
            }
            running.set(false);
            previews.join();

            List<ActivityCount> activity = sdk.preview().orElseThrow().declaration().activity();
            long perSeries = (long) (ADDS / 4) * (THREADS * (THREADS + 1) / 2);
            assertThat(activity).hasSize(4).allSatisfy(count -> assertThat(count.count()).isEqualTo(perSeries));
        }
    }
}
