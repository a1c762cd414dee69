package fr.observatoire.ia.loadgen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The ingestion benchmark: registers and enrols collectivités on a running server, signs their chained
 * declarations, sends them from many threads for a bounded time, and prints accepted declarations per
 * second and latency percentiles next to the raw Ed25519 verification rate of one core, measured here.
 *
 * <p>Every declaration is signed before the clock starts, so that the generator's own signing does not
 * take CPU from the server it measures (on the same machine); the HTTP client still does.
 */
public final class LoadGenerator {
    private static final int RAW_WARMUP_SECONDS = 3;
    private static final int RAW_SECONDS = 5;

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new Run(options).execute();
    }

    /** One benchmark run. */
    private record Run(Options options) {
        void execute() throws Exception {
            System.out.printf(Locale.ROOT, "raw verification: measuring Bouncy Castle Ed25519 on one thread (%d s)...%n", RAW_SECONDS);
            double raw = RawVerification.perSecond(new SyntheticCollectivite(Sirens.random(), 0), RAW_WARMUP_SECONDS, RAW_SECONDS);

            ObservatoryApi api = new ObservatoryApi(options.server(), options.adminToken());
            List<SyntheticCollectivite> collectivites = enrol(api);
            List<List<String>> work = presign(collectivites);

            System.out.printf(Locale.ROOT, "sending from %d threads: %d s warm-up, then %d s measured...%n", options.threads(),
                    options.warmup().toSeconds(), options.duration().toSeconds());
            long start = System.nanoTime();
            long measureFrom = start + options.warmup().toNanos();
            long end = measureFrom + options.duration().toNanos();
            Sender[] senders = new Sender[options.threads()];
            for (int i = 0; i < senders.length; i++) {
                senders[i] = new Sender(api, work.get(i), options.batch(), measureFrom, end);
            }
            CpuAccount cpu = new CpuAccount(options.serverPid());
            CompletableFuture<Map<String, Duration>> cpuAtStart = snapshotAt(cpu, measureFrom);
            CompletableFuture<Map<String, Duration>> cpuAtEnd = snapshotAt(cpu, end);
            List<Results> results = runAll(senders);
            Map<String, Duration> spent = CpuAccount.between(cpuAtStart.get(), cpuAtEnd.get());
            long lastCompletion = 0;
            for (Sender sender : senders) {
                lastCompletion = Math.max(lastCompletion, sender.lastCompletion);
            }
            double seconds = (Math.min(end, Math.max(lastCompletion, measureFrom + 1)) - measureFrom) / 1e9;
            Results merged = Results.merge(results);
            print(merged, seconds, raw, lastCompletion < end - 1_000_000_000L);
            printCpu(spent, merged.accepted(), raw);
            if (options.measureIndexing()) {
                int stored = 0;
                for (Sender sender : senders) {
                    stored += sender.stored;
                }
                measureIndexing(api, cpu, stored);
            }
        }

        /**
         * Times the catch-up one statistics query runs on a server whose background indexer was paused during the load: how
         * long indexing every declaration stored takes, and the CPU it costs per declaration.
         */
        private static void measureIndexing(ObservatoryApi api, CpuAccount cpu, int stored) throws Exception {
            System.out.printf(Locale.ROOT, "indexing the %d declarations stored (one statistics query runs the catch-up)...%n", stored);
            Map<String, Duration> before = cpu.snapshot();
            long start = System.nanoTime();
            api.registryUsages();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Duration> spent = CpuAccount.between(before, cpu.snapshot());
            System.out.printf(Locale.ROOT, "indexed                  %d in %.1f s, %.0f/s%n", stored, seconds, stored / seconds);
            System.out.println("CPU per indexed declaration:");
            for (String group : List.of(CpuAccount.SERVER, CpuAccount.POSTGRESQL)) {
                if (spent.containsKey(group)) {
                    System.out.printf(Locale.ROOT, "  %-22s %6.0f us%n", group, spent.get(group).toNanos() / 1e3 / stored);
                }
            }
        }

        /** Takes a CPU snapshot at {@code nanoTime} on a thread of its own, off the senders. */
        private static CompletableFuture<Map<String, Duration>> snapshotAt(CpuAccount cpu, long nanoTime) {
            return CompletableFuture.supplyAsync(() -> {
                long wait = nanoTime - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                return cpu.snapshot();
            }, task -> {
                Thread thread = new Thread(task, "loadgen-cpu");
                thread.setDaemon(true);
                thread.start();
            });
        }

        /** CPU per accepted declaration over the measured window, next to what one raw verification costs. */
        private void printCpu(Map<String, Duration> spent, int accepted, double raw) {
            if (accepted == 0) {
                return;
            }
            System.out.printf(Locale.ROOT, "CPU per accepted declaration, measured window (raw verification: %.0f us per signature):%n",
                    1e6 / raw);
            Duration total = Duration.ZERO;
            for (Map.Entry<String, Duration> group : spent.entrySet()) {
                total = total.plus(group.getValue());
                System.out.printf(Locale.ROOT, "  %-22s %6.0f us%n", group.getKey(), group.getValue().toNanos() / 1e3 / accepted);
            }
            System.out.printf(Locale.ROOT, "  %-22s %6.0f us (%d cores: at most %.0f/s with all of them busy)%n", "together",
                    total.toNanos() / 1e3 / accepted, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * 1e9 / (total.toNanos() / (double) accepted));
            if (options.serverPid().isEmpty()) {
                System.out.println("  (no --server-pid: the server's own share is not shown)");
            }
        }

        private List<SyntheticCollectivite> enrol(ObservatoryApi api) throws Exception {
            System.out.printf(Locale.ROOT, "registering and enrolling %d collectivités...%n", options.collectivites());
            List<SyntheticCollectivite> collectivites = new ArrayList<>();
            List<Callable<Void>> tasks = new ArrayList<>();
            List<String> sirens = Sirens.distinct(options.collectivites());
            for (int i = 0; i < options.collectivites(); i++) {
                SyntheticCollectivite collectivite = new SyntheticCollectivite(sirens.get(i), i + 1);
                collectivites.add(collectivite);
                tasks.add(() -> {
                    api.registerAndEnrol(collectivite);
                    return null;
                });
            }
            invokeAll("loadgen-enrol", tasks);
            return collectivites;
        }

        /** Each thread gets its own collectivités, their declarations interleaved, each chain in order. */
        private List<List<String>> presign(List<SyntheticCollectivite> collectivites) throws Exception {
            int perCollectivite = Math.max(1, options.maxDeclarations() / collectivites.size());
            System.out.printf(Locale.ROOT, "signing %d declarations (%d per collectivité) before the clock starts...%n",
                    perCollectivite * collectivites.size(), perCollectivite);
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                List<SyntheticCollectivite> own = new ArrayList<>();
                for (int i = t; i < collectivites.size(); i += options.threads()) {
                    own.add(collectivites.get(i));
                }
                tasks.add(() -> {
                    List<String> signed = new ArrayList<>(own.size() * perCollectivite);
                    for (int n = 0; n < perCollectivite; n++) {
                        for (SyntheticCollectivite collectivite : own) {
                            signed.add(collectivite.nextSigned());
                        }
                    }
                    return signed;
                });
            }
            return invokeAll("loadgen-sign", tasks);
        }

        private static List<Results> runAll(Sender[] senders) throws Exception {
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Results>> tasks = new ArrayList<>();
            for (Sender sender : senders) {
                tasks.add(() -> {
                    go.await();
                    return sender.call();
                });
            }
            ExecutorService pool = pool("loadgen-sender", senders.length);
            try {
                List<Future<Results>> futures = new ArrayList<>();
                for (Callable<Results> task : tasks) {
                    futures.add(pool.submit(task));
                }
                go.countDown();
                List<Results> results = new ArrayList<>();
                for (Future<Results> future : futures) {
                    results.add(future.get());
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
        }

        private void print(Results results, double seconds, double raw, boolean exhausted) {
            double rate = results.accepted() / seconds;
            System.out.println();
            System.out.printf(Locale.ROOT, "server                   %s%n", options.server());
            System.out.printf(Locale.ROOT, "date                     %s%n", Instant.now());
            System.out.printf(Locale.ROOT, "collectivités / threads  %d / %d%n", options.collectivites(), options.threads());
            System.out.printf(Locale.ROOT, "declarations per request %d%s%n", options.batch(),
                    options.batch() == 1 ? " (POST /api/v1/declarations)" : " (POST /api/v1/declarations/batch)");
            System.out.printf(Locale.ROOT, "measured                 %.1f s (after %d s of warm-up)%n", seconds, options.warmup().toSeconds());
            System.out.printf(Locale.ROOT, "accepted (201)           %d, %.0f/s%n", results.accepted(), rate);
            System.out.printf(Locale.ROOT, "failed, by status        %s%n", results.failures().isEmpty() ? "none" : results.failures());
            System.out.printf(Locale.ROOT, "latency (ms)             p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", results.percentileMillis(50),
                    results.percentileMillis(95), results.percentileMillis(99), results.percentileMillis(100));
            System.out.printf(Locale.ROOT, "raw Ed25519 verification %.0f/s (Bouncy Castle, one thread, this process)%n", raw);
            System.out.printf(Locale.ROOT, "accepted / raw           %.2f%n", rate / raw);
            if (exhausted) {
                System.out.println("note: the signed declarations ran out before the end; raise --max-declarations");
            }
        }

        private static <T> List<T> invokeAll(String name, List<Callable<T>> tasks) throws Exception {
            ExecutorService pool = pool(name, Math.max(1, Runtime.getRuntime().availableProcessors()));
            try {
                List<T> results = new ArrayList<>();
                for (Future<T> future : pool.invokeAll(tasks)) {
                    results.add(future.get());
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
        }

        private static ExecutorService pool(String name, int threads) {
            AtomicInteger count = new AtomicInteger();
            return Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** One sending thread: its declarations in order, one request at a time, until they run out or the time is up. */
    private static final class Sender implements Callable<Results> {
        private final ObservatoryApi api;
        private final List<String> declarations;
        private final int batch;
        private final long measureFrom;
        private final long end;
        private volatile long lastCompletion;
        /** Declarations accepted at any time, warm-up included: what the server stored. */
        private int stored;

        Sender(ObservatoryApi api, List<String> declarations, int batch, long measureFrom, long end) {
            this.api = api;
            this.declarations = declarations;
            this.batch = batch;
            this.measureFrom = measureFrom;
            this.end = end;
        }

        /** Each declaration's latency is its request's: the time from sending it to holding its receipt. */
        @Override
        public Results call() {
            Results results = new Results();
            for (int from = 0; from < declarations.size(); from += batch) {
                long sent = System.nanoTime();
                if (sent >= end) {
                    break;
                }
                List<String> chunk = declarations.subList(from, Math.min(declarations.size(), from + batch));
                int[] statuses = batch == 1 ? new int[] {api.submit(chunk.get(0))} : api.submitBatch(chunk);
                long done = System.nanoTime();
                for (int status : statuses) {
                    if (status == 201) {
                        stored++;
                    }
                }
                if (sent >= measureFrom && done <= end) {
                    for (int status : statuses) {
                        if (status == 201) {
                            results.accepted(done - sent);
                        } else {
                            results.failed(status);
                        }
                    }
                    lastCompletion = done;
                }
            }
            return results;
        }
    }
}
