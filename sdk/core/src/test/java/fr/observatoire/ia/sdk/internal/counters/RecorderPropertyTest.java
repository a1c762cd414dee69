package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the adds and however drains interleave with them, every positive count is drained exactly once. */
class RecorderPropertyTest {
    private static final int THREADS = 4;

    record Add(int thread, int series, long amount) {
    }

    @Property(tries = 200)
    void concurrent_adds_and_drains_lose_and_duplicate_nothing(@ForAll("adds") @Size(max = 400) List<Add> adds) throws Exception {
        Recorder recorder = new Recorder(2000, Pseudonymizer.withSecret(new byte[32]));
        Map<ActivityKey, Long> expected = new HashMap<>();
        for (Add add : adds) {
            if (add.amount() > 0) {
                expected.merge(key(add.series()), add.amount(), Long::sum);
            }
        }

        Map<ActivityKey, Long> drained = new HashMap<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread drainer = new Thread(() -> {
            while (!done.get()) {
                recorder.drain().activity().forEach((k, v) -> drained.merge(k, v, Long::sum));
            }
        });
        drainer.start();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                await(start);
                for (Add add : adds) {
                    if (add.thread() == thread) {
                        // Both ways a host records: a fresh lookup, or a handle kept from before.
                        recorder.activity("usage-" + add.series(), Service.FINANCE, ActionKind.PROMPT).add(add.amount());
                    }
                }
            });
            worker.start();
            threads.add(worker);
        }
        start.countDown();
        for (Thread worker : threads) {
            worker.join();
        }
        done.set(true);
        drainer.join();
        recorder.drain().activity().forEach((k, v) -> drained.merge(k, v, Long::sum));

        assertThat(drained).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Add>> adds() {
        return Combinators.combine(Arbitraries.integers().between(0, THREADS - 1), Arbitraries.integers().between(0, 7),
                Arbitraries.longs().between(-5, 1_000_000)).as(Add::new).list();
    }

    private static ActivityKey key(int series) {
        return new ActivityKey("usage-" + series, Service.FINANCE, ActionKind.PROMPT);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
