package fr.observatoire.ia.sdk;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.store.SqliteDataSources;
import fr.observatoire.ia.sdk.testing.CrashLoopVictim;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that records and declares is killed with SIGKILL at random moments, {@value #ITERATIONS} times, in front
 * of a stand-in observatory that verifies every signature; then a clean run flushes. The observatory then holds
 * every declaration ever signed, once by id, with the content signed, in an unbroken chain; and each kill lost at
 * most what was recorded during the last checkpoint interval before it, nothing was counted twice.
 */
class CrashLoopTest {
    private static final int ITERATIONS = 20;
    /**
     * What one kill may lose: the checkpoint interval, plus the time a checkpoint (an fsync-ed transaction) and
     * the scheduler may take on a loaded two-core machine running both JVMs.
     */
    private static final long AT_RISK_MILLIS = CrashLoopVictim.CHECKPOINT_INTERVAL.toMillis() + 500;

    @TempDir
    Path dataDir;

    /** One line of the victim: {@code total} actions recorded at {@code at} (epoch ms). */
    record Recorded(long total, long at) {
    }

    @Test
    void every_signed_declaration_arrives_once_and_each_kill_loses_at_most_a_checkpoint_interval() throws Exception {
        Random random = new Random(20250312L);
        try (FakeObservatory observatory = new FakeObservatory()) {
            try (ObservatoireSdk enrolling = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), observatory.endpoint()).build()) {
                enrolling.enrol("GOOD");
            }
            long recordedLow = 0;
            long atRisk = 0;
            long lostTotal = 0;
            long stored = storedCount();
            Set<String> everInOutbox = new HashSet<>();
            for (int i = 0; i < ITERATIONS; i++) {
                List<Recorded> lines = new CopyOnWriteArrayList<>();
                CountDownLatch started = new CountDownLatch(1);
                Process victim = start(observatory.endpoint());
                CompletableFuture<Void> output = read(victim, lines, started);
                if (i % 4 == 3) {
                    Thread.sleep(100 + random.nextInt(500)); // while the SDK opens its store, or soon after
                } else {
                    assertThat(started.await(30, TimeUnit.SECONDS)).as("the victim started").isTrue();
                    Thread.sleep(random.nextInt(1_000)); // while recording, declaring, sending
                }
                long killedAt = System.currentTimeMillis();
                // SIGKILL through the handle, not Process.destroyForcibly(): that one also closes our end of the
                // victim's stdout, which throws away every line the victim printed but the reader had not read yet
                // (a reader thread lagging by a few dozen lines on a loaded machine), so `recorded` came out short.
                victim.toHandle().destroyForcibly();
                assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(output).as("iteration %d: the victim's output is read to its end", i).succeedsWithin(Duration.ofSeconds(10));

                long recorded = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).total();
                long risk = CrashLoopVictim.STEP // recorded, not yet printed
                        + lines.stream().filter(line -> line.at() > killedAt - AT_RISK_MILLIS).count() * CrashLoopVictim.STEP;
                long storedNow = storedCount();
                long lost = recorded - (storedNow - stored);
                assertThat(storedNow - stored).as("iteration %d: nothing is counted twice", i).isLessThanOrEqualTo(recorded + CrashLoopVictim.STEP);
                assertThat(lost).as("iteration %d: lost %d of %d recorded, at risk %d", i, lost, recorded, risk).isLessThanOrEqualTo(risk);
                recordedLow += recorded;
                atRisk += risk;
                lostTotal += Math.max(0, lost);
                stored = storedNow;
                Sdks.outbox(dataDir).forEach(entry -> everInOutbox.add(entry.declarationId() + " " + entry.payloadHash()));
            }

            Process last = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), CrashLoopVictim.class.getName(),
                    dataDir.toString(), observatory.endpoint(), "final").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String said = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(said).contains("FLUSHED").doesNotContain("NOT FLUSHED");

            List<OutboxEntry> outbox = Sdks.outbox(dataDir);
            outbox.forEach(entry -> everInOutbox.add(entry.declarationId() + " " + entry.payloadHash()));
            assertThat(outbox).extracting(OutboxEntry::state).containsOnly(OutboxEntry.State.SENT);
            assertThat(outbox.stream().map(e -> e.declarationId() + " " + e.payloadHash()).collect(Collectors.toSet()))
                    .as("no outbox entry ever disappeared").isEqualTo(everInOutbox);

            // The observatory has each of them once, by id, with the hash that was signed, in an unbroken chain.
            List<byte[]> payloads = observatory.acceptedPayloads();
            Map<String, String> arrived = payloads.stream().collect(Collectors.toMap(
                    p -> parse(p).id().toString(), Hashes::declarationHash));
            assertThat(arrived).hasSameSizeAs(payloads);
            assertThat(arrived).isEqualTo(outbox.stream().collect(Collectors.toMap(e -> e.declarationId().toString(), OutboxEntry::payloadHash)));
            List<Declaration> chain = observatory.accepted().stream()
                    .sorted(java.util.Comparator.comparingLong(Declaration::sequence)).toList();
            Map<Long, String> hashBySequence = payloads.stream().collect(Collectors.toMap(
                    p -> parse(p).sequence(), Hashes::declarationHash));
            for (int s = 0; s < chain.size(); s++) {
                assertThat(chain.get(s).sequence()).as("no gap").isEqualTo(s + 1L);
                if (s > 0) {
                    assertThat(chain.get(s).previousHash()).isEqualTo(hashBySequence.get((long) s));
                }
            }
            // Duplicates on the wire (a kill after sending, before the receipt was stored) carried the same bytes.
            assertThat(observatory.server().getAllServeEvents()).extracting(ServeEvent::getResponse)
                    .allSatisfy(response -> assertThat(response.getStatus()).as("no conflicting duplicate").isNotEqualTo(409));

            long declared = chain.stream().flatMap(d -> d.activity().stream()).mapToLong(ActivityCount::count).sum();
            assertThat(declared).isEqualTo(stored).isBetween(recordedLow - atRisk, recordedLow + (long) ITERATIONS * CrashLoopVictim.STEP);
            System.out.printf("crash loop: %d kills, %d declarations, %d requests; recorded %d, declared %d, lost %d (at risk %d)%n",
                    ITERATIONS, chain.size(), observatory.server().getAllServeEvents().size(), recordedLow, declared, lostTotal, atRisk);
        }
    }

    /** Actions in the store: in signed declarations (the outbox) and in counts not yet declared. */
    private long storedCount() {
        long declared = Sdks.outbox(dataDir).stream()
                .map(entry -> decode(entry.jws()))
                .flatMap(d -> d.activity().stream()).mapToLong(ActivityCount::count).sum();
        long pending = Database.borrowingConnections(SqliteDataSources.forFile(dataDir.resolve(SqliteDataSources.FILE_NAME)))
                .inTransaction(connection -> {
                    try (ResultSet row = connection.createStatement().executeQuery("SELECT COALESCE(SUM(count), 0) FROM activity_count")) {
                        row.next();
                        return row.getLong(1);
                    }
                });
        return declared + pending;
    }

    private static Declaration parse(byte[] payload) {
        try {
            return ProtocolJson.read(payload, Declaration.class);
        } catch (Exception e) {
            throw new AssertionError("the observatory accepted an unreadable payload", e);
        }
    }

    private static Declaration decode(String jws) {
        try {
            return Jws.payload(Jws.parse(jws), Declaration.class);
        } catch (Exception e) {
            throw new AssertionError("an outbox entry is not a readable JWS", e);
        }
    }

    private Process start(String endpoint) throws IOException {
        return new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), CrashLoopVictim.class.getName(),
                dataDir.toString(), endpoint).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * Reads the victim's lines up to the end of its output, which comes once it is dead and every line it printed
     * has been read. Each line was one write to the pipe, which a kill cannot cut: a line that does not parse, or an
     * output that cannot be read to its end, fails the future rather than leaving {@code lines} short.
     */
    private static CompletableFuture<Void> read(Process victim, List<Recorded> lines, CountDownLatch started) {
        CompletableFuture<Void> output = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("STARTED")) {
                        started.countDown();
                    }
                    String[] parts = line.split(" ");
                    if (parts[0].equals("R") && parts.length == 3) {
                        lines.add(new Recorded(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
                    }
                }
                output.complete(null);
            } catch (IOException | RuntimeException e) {
                output.completeExceptionally(e);
            }
        }, "crash-loop-reader");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
