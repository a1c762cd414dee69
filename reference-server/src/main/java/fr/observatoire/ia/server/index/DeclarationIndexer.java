package fr.observatoire.ia.server.index;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.db.DatabaseException;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.declaration.IngestionActivity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads newly accepted declarations and hands them to the {@link IndexSink}s (statistics, public register),
 * without touching the declaration path: on a named background thread, which steps aside while declarations keep
 * arriving ({@link Pacing}), and on demand before a statistics query answers, so that a query sees every
 * declaration accepted before it.
 *
 * <p>The high-water mark is {@code declaration.ingest_no}, an identity column. Numbers are taken at insert and
 * transactions commit in any order, so a number may become visible after a higher one: the cursor only moves
 * over a gap once the row after it is older than {@code observatoire.index.grace} (a transaction open that long
 * has rolled back); rows past an open gap are indexed at once and remembered in {@code stats_indexed}, which also
 * makes indexing idempotent (a declaration's facts and its row commit together; see {@link #indexAll}).
 */
@ApplicationScoped
public class DeclarationIndexer {
    private static final Logger LOG = Logger.getLogger(DeclarationIndexer.class);
    private static final String THREAD_NAME = "observatoire-indexer";
    private static final int PER_TRANSACTION = 100;
    /** Ingestion counts as active if declarations were stored this recently. */
    private static final Duration ACTIVE_WINDOW = Duration.ofSeconds(1);

    private final Database database;
    private final IndexRepository repository;
    private final UnitResolver units;
    private final Instance<IndexSink> sinks;
    private final Duration interval;
    private final Duration grace;
    private final int batch;
    private final Pacing pacing;
    private final IngestionActivity ingestion;
    private final ReentrantLock lock = new ReentrantLock();
    /** Declarations whose indexing failed, logged once each; retried at every pass. */
    private final Set<UUID> failed = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;

    @Inject
    DeclarationIndexer(Database database, IndexRepository repository, UnitResolver units, Instance<IndexSink> sinks,
                       @ConfigProperty(name = "observatoire.index.interval", defaultValue = "PT10S") Duration interval,
                       @ConfigProperty(name = "observatoire.index.grace", defaultValue = "PT2M") Duration grace,
                       @ConfigProperty(name = "observatoire.index.batch", defaultValue = "500") int batch,
                       @ConfigProperty(name = "observatoire.index.busy-share", defaultValue = "0.1") double busyShare,
                       IngestionActivity ingestion) {
        this.database = database;
        this.repository = repository;
        this.units = units;
        this.sinks = sinks;
        this.interval = interval;
        this.grace = grace;
        this.batch = batch;
        this.pacing = new Pacing(busyShare);
        this.ingestion = ingestion;
    }

    void start(@Observes StartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::catchUpQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Indexes every declaration accepted so far; returns how many it indexed. Safe to call from any thread. */
    public int catchUp() {
        lock.lock();
        try {
            int indexed = 0;
            Step step;
            do {
                step = step(batch);
                indexed += step.indexed();
            } while (step.more());
            return indexed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The background thread's pass: {@value #PER_TRANSACTION} declarations at a time, each step under the lock, with
     * the {@link Pacing}'s pause between steps while declarations keep arriving (outside the lock: a statistics
     * query's own catch-up does not wait for the pause).
     */
    private void pacedCatchUp() throws InterruptedException {
        Step step;
        do {
            long start = System.nanoTime();
            lock.lock();
            try {
                step = step(PER_TRANSACTION);
            } finally {
                lock.unlock();
            }
            Duration pause = pacing.pauseAfter(Duration.ofNanos(System.nanoTime() - start), ingestion.activeWithin(ACTIVE_WINDOW));
            if (step.more() && !pause.isZero()) {
                TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            }
        } while (step.more());
    }

    /** What one step did: how many declarations it indexed, and whether more may be waiting right after them. */
    private record Step(int indexed, boolean more) {
    }

    /** Indexes up to {@code limit} declarations after the cursor and moves the cursor as far as it may. Under the lock. */
    private Step step(int limit) {
        long cursor = database.read(repository::cursor);
        List<IndexRepository.Pending> pending = database.read(connection -> repository.after(connection, cursor, limit));
        if (pending.isEmpty()) {
            return new Step(0, false);
        }
        Set<UUID> done = database.read(connection -> repository.indexedAfter(connection, cursor));
        Set<UUID> indexedNow = indexAll(pending.stream().filter(p -> !done.contains(p.id())).toList());
        Instant holesBefore = Instant.now().minus(grace);
        long through = cursor;
        boolean contiguous = true;
        int indexed = 0;
        for (IndexRepository.Pending p : pending) {
            boolean ok = done.contains(p.id()) || indexedNow.contains(p.id());
            if (ok && !done.contains(p.id())) {
                indexed++;
            }
            // A missing number is a transaction still committing, unless the row after it is older than the grace.
            boolean openGap = p.ingestNo() != through + 1 && p.receivedAt().isAfter(holesBefore);
            contiguous &= ok && !openGap;
            if (contiguous) {
                through = p.ingestNo();
            }
        }
        moveCursor(cursor, through);
        // Past an open gap or a failure the cursor stays: the next pass starts there again.
        return new Step(indexed, contiguous && pending.size() == limit);
    }

    private void moveCursor(long from, long to) {
        if (to > from) {
            database.inTransaction(connection -> {
                repository.moveCursor(connection, to);
                return null;
            });
        }
    }

    /**
     * Indexes {@code pending} {@value #PER_TRANSACTION} declarations per transaction: a commit per declaration was
     * most of the indexer's cost in the database. A transaction that fails is redone one declaration at a time, so
     * that one bad declaration holds back only itself.
     *
     * @return the ids indexed (or found indexed by another instance)
     */
    private Set<UUID> indexAll(List<IndexRepository.Pending> pending) {
        Set<UUID> indexed = new HashSet<>();
        for (int from = 0; from < pending.size(); from += PER_TRANSACTION) {
            List<IndexRepository.Pending> chunk = pending.subList(from, Math.min(pending.size(), from + PER_TRANSACTION));
            if (chunk.size() > 1 && indexTogether(chunk)) {
                chunk.forEach(p -> indexed.add(p.id()));
                continue;
            }
            for (IndexRepository.Pending p : chunk) {
                if (index(p)) {
                    indexed.add(p.id());
                }
            }
        }
        return indexed;
    }

    /** One transaction for the chunk; false if anything failed (nothing of it is then kept). */
    private boolean indexTogether(List<IndexRepository.Pending> chunk) {
        try {
            List<AcceptedDeclaration> accepted = new ArrayList<>(chunk.size());
            for (IndexRepository.Pending p : chunk) {
                accepted.add(decode(p));
            }
            database.inTransaction(connection -> {
                for (AcceptedDeclaration declaration : accepted) {
                    writeFacts(connection, declaration);
                }
                return null;
            });
            chunk.forEach(p -> failed.remove(p.id()));
            return true;
        } catch (InvalidJsonException | RuntimeException e) {
            LOG.debugf(e, "a transaction of %d declarations to index failed; indexing them one by one", chunk.size());
            return false;
        }
    }

    /** Every sink's facts of one declaration, then its row in stats_indexed: committed together or not at all. */
    private void writeFacts(Connection connection, AcceptedDeclaration declaration) throws SQLException {
        for (IndexSink sink : sinks) {
            sink.index(connection, declaration);
        }
        repository.markIndexed(connection, declaration.id(), declaration.ingestNo(), Sql.now());
    }

    private AcceptedDeclaration decode(IndexRepository.Pending pending) throws InvalidJsonException {
        Declaration declaration = ProtocolJson.read(pending.payload().getBytes(StandardCharsets.UTF_8), Declaration.class);
        return new AcceptedDeclaration(pending.id(), pending.ingestNo(), pending.payloadHash(), pending.receivedAt(), declaration,
                units.unitOf(pending.declarant()));
    }

    private boolean index(IndexRepository.Pending pending) {
        try {
            AcceptedDeclaration accepted = decode(pending);
            database.inTransaction(connection -> {
                writeFacts(connection, accepted);
                return null;
            });
            failed.remove(pending.id());
            return true;
        } catch (DatabaseException e) {
            if (e.isUniqueViolation()) {
                // Another server instance indexed it at the same time.
                return true;
            }
            logOnce(pending, e);
            return false;
        } catch (InvalidJsonException | RuntimeException e) {
            logOnce(pending, e);
            return false;
        }
    }

    private void logOnce(IndexRepository.Pending pending, Exception e) {
        if (failed.add(pending.id())) {
            LOG.errorf(e, "cannot index declaration %s (ingest_no %d); statistics stop before it until it can be",
                    pending.id(), pending.ingestNo());
        }
    }

    private void catchUpQuietly() {
        try {
            pacedCatchUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The database may be down; the next pass or the next query tries again.
            LOG.debugf(e, "indexing pass failed");
        }
    }
}
