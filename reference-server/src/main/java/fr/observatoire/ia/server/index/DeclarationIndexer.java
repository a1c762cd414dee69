package fr.observatoire.ia.server.index;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.jose.JwsException;
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
     * Indexes {@code pending} {@value #PER_TRANSACTION} declarations per transaction, which every sink writes as one
     * set: a commit per declaration, then some fifty statements per declaration, were most of the indexer's cost. A
     * transaction that fails is redone one declaration at a time, so that one bad declaration holds back only itself;
     * one whose payload cannot be read is left out from the start.
     *
     * @return the ids indexed (or found indexed by another instance)
     */
    private Set<UUID> indexAll(List<IndexRepository.Pending> pending) {
        Set<UUID> indexed = new HashSet<>();
        for (int from = 0; from < pending.size(); from += PER_TRANSACTION) {
            List<AcceptedDeclaration> chunk = decode(pending.subList(from, Math.min(pending.size(), from + PER_TRANSACTION)));
            if (chunk.size() > 1 && indexTogether(chunk)) {
                chunk.forEach(d -> indexed.add(d.id()));
                continue;
            }
            for (AcceptedDeclaration declaration : chunk) {
                if (index(declaration)) {
                    indexed.add(declaration.id());
                }
            }
        }
        return indexed;
    }

    /** One transaction for the chunk; false if anything failed (nothing of it is then kept). */
    private boolean indexTogether(List<AcceptedDeclaration> chunk) {
        try {
            database.inTransaction(connection -> {
                writeFacts(connection, chunk);
                return null;
            });
            chunk.forEach(d -> failed.remove(d.id()));
            return true;
        } catch (RuntimeException e) {
            LOG.debugf(e, "a transaction of %d declarations to index failed; indexing them one by one", chunk.size());
            return false;
        }
    }

    /** Every sink's facts of the declarations, in ingest order, then their rows in stats_indexed: committed together or not at all. */
    private void writeFacts(Connection connection, List<AcceptedDeclaration> declarations) throws SQLException {
        for (IndexSink sink : sinks) {
            sink.indexAll(connection, declarations);
        }
        repository.markIndexed(connection, declarations, Sql.now());
    }

    /** The declarations whose payload can be read, each read once, in ingest order; the others are logged (once) and left out. */
    private List<AcceptedDeclaration> decode(List<IndexRepository.Pending> pending) {
        List<AcceptedDeclaration> accepted = new ArrayList<>(pending.size());
        for (IndexRepository.Pending p : pending) {
            try {
                Declaration declaration = ProtocolJson.read(p.payload(), Declaration.class);
                accepted.add(new AcceptedDeclaration(p.id(), p.ingestNo(), p.payloadHash(), p.receivedAt(), declaration,
                        units.unitOf(p.declarant())));
            } catch (JwsException | InvalidJsonException | RuntimeException e) {
                logOnce(p.id(), p.ingestNo(), e);
            }
        }
        return accepted;
    }

    private boolean index(AcceptedDeclaration declaration) {
        try {
            database.inTransaction(connection -> {
                writeFacts(connection, List.of(declaration));
                return null;
            });
            failed.remove(declaration.id());
            return true;
        } catch (DatabaseException e) {
            if (e.isUniqueViolation()) {
                // Another server instance indexed it at the same time.
                return true;
            }
            logOnce(declaration.id(), declaration.ingestNo(), e);
            return false;
        } catch (RuntimeException e) {
            logOnce(declaration.id(), declaration.ingestNo(), e);
            return false;
        }
    }

    private void logOnce(UUID id, long ingestNo, Exception e) {
        if (failed.add(id)) {
            LOG.errorf(e, "cannot index declaration %s (ingest_no %d); statistics stop before it until it can be", id, ingestNo);
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
