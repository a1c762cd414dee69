package fr.observatoire.ia.sdk;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording through a cached handle allocates nothing, interpreted or compiled: the host's garbage collector never
 * hears of the SDK. (The JMH benchmark in sdk/benchmarks measures the same with the gc profiler; this test keeps
 * it true on every build.)
 */
class RecordingAllocationTest {
    private static final int ADDS = 1_000_000;

    @TempDir
    Path dataDir;

    @Test
    void add_on_a_cached_handle_allocates_nothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9").build()) {
            ActivityCounter handle = sdk.activity("redaction", Service.FINANCE, ActionKind.PROMPT);
            long thread = Thread.currentThread().getId();
            // A round may allocate once (the LongAdder grows its cells the first time the checkpoint thread's drain
            // and an add meet; the JIT may deoptimise): the least of five rounds is the steady state, and an
            // allocation per add would show in every round.
            long allocated = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long before = threads.getThreadAllocatedBytes(thread);
                for (int i = 0; i < ADDS; i++) {
                    handle.add(1);
                }
                allocated = Math.min(allocated, threads.getThreadAllocatedBytes(thread) - before);
            }
            // The measuring call itself may allocate a few bytes; one byte per add would be a million.
            assertThat(allocated).as("bytes allocated by %d adds", ADDS).isLessThan(1_024);
        }
    }
}
