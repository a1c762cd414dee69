package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.log.LogConfig;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.protocol.messages.ProblemType;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where verified declarations wait for the log, and the one thread that stores and appends them.
 *
 * <p>Every append is serialised by the log's lock, held until its transaction commits, commit (and its
 * disk flush) included. One request, one transaction would cap the whole observatory at one commit
 * at a time. Instead the declarations that arrive while a transaction runs are taken together by the
 * next one (group commit): each is still stored and appended in the same transaction, under one signed
 * checkpoint; the more load, the larger the batches. Signature checks stay on the requests' threads.
 */
@ApplicationScoped
public class DeclarationLedger {
    private static final Logger LOG = Logger.getLogger(DeclarationLedger.class);
    /** How long a request waits for its transaction before answering 503 (it may still commit: a retry then gets the receipt). */
    private static final long ANSWER_TIMEOUT_SECONDS = 30;
    private static final long SHUTDOWN_SECONDS = 10;
    private static final Map<String, String> RETRY_SOON = Map.of("Retry-After", "1");

    /** A declaration waiting for its batch, and its requester's answer. */
    private record Pending(Admitted item, CompletableFuture<DeclarationService.Acceptance> answer) {
    }

    private final LedgerBatch batches;
    private final Database database;
    private final IngestionActivity activity;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private volatile boolean running;
    private Thread writer;

    @Inject
    DeclarationLedger(LedgerBatch batches, Database database, IngestionActivity activity, LogConfig config) {
        this.batches = batches;
        this.database = database;
        this.activity = activity;
        this.maxBatch = config.maxBatch();
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    void start(@Observes StartupEvent event) {
        running = true;
        writer = new Thread(this::run, "observatoire-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Stops taking declarations; those already queued are still stored (the database is up until after this). */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(TimeUnit.SECONDS.toMillis(SHUTDOWN_SECONDS));
        }
    }

    /** Stores and logs {@code item} with the next batch, and answers when that batch has committed. */
    DeclarationService.Acceptance submit(Admitted item) {
        return await(enqueue(item), answerDeadline());
    }

    /**
     * Queues {@code items} in their order (so a chain sent together is decided in order) and returns one answer
     * per item; an item the queue has no room for fails alone with 503 overloaded.
     */
    List<CompletableFuture<DeclarationService.Acceptance>> submitAll(List<Admitted> items) {
        List<CompletableFuture<DeclarationService.Acceptance>> answers = new ArrayList<>(items.size());
        for (Admitted item : items) {
            try {
                answers.add(enqueue(item));
            } catch (ApiProblem overloaded) {
                answers.add(CompletableFuture.failedFuture(overloaded));
            }
        }
        return answers;
    }

    /** The time by which a request gives up waiting for its transaction. */
    static long answerDeadline() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_TIMEOUT_SECONDS);
    }

    /** The answer of a queued item, its refusal thrown as it is; 503 if its transaction has not ended by {@code deadline}. */
    static DeclarationService.Acceptance await(CompletableFuture<DeclarationService.Acceptance> answer, long deadline) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ApiProblem(ProblemType.OVERLOADED, "the declaration was not stored within " + ANSWER_TIMEOUT_SECONDS
                    + " s; retry: if it was stored meanwhile, the retry gets its receipt", RETRY_SOON);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(ProblemType.OVERLOADED, "the observatory is stopping; retry later", RETRY_SOON);
        }
    }

    private CompletableFuture<DeclarationService.Acceptance> enqueue(Admitted item) {
        Pending pending = new Pending(item, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new ApiProblem(ProblemType.OVERLOADED, "the observatory has " + queue.size()
                    + " declarations waiting to be stored; retry in a moment", RETRY_SOON);
        }
        return pending.answer();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
                activity.wrote();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // Never let the writer die: every request would wait for nothing.
                LOG.error("the log writer failed on a batch", e);
                batch.forEach(pending -> pending.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.answer().completeExceptionally(new ApiProblem(ProblemType.OVERLOADED, "the observatory is stopping; retry later", RETRY_SOON));
        }
    }

    /** One transaction for the batch; if it fails, each declaration alone, so that one bad apple fails only itself. */
    private void write(List<Pending> batch) {
        List<Admitted> items = batch.stream().map(Pending::item).toList();
        List<LedgerBatch.Outcome> outcomes;
        try {
            outcomes = database.inTransaction(connection -> batches.write(connection, items));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).answer().completeExceptionally(e);
                return;
            }
            LOG.warnf(e, "a batch of %d declarations failed; storing them one by one", batch.size());
            for (Pending pending : batch) {
                write(List.of(pending));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            LedgerBatch.Outcome outcome = outcomes.get(i);
            CompletableFuture<DeclarationService.Acceptance> answer = batch.get(i).answer();
            if (outcome.refusal() != null) {
                answer.completeExceptionally(outcome.refusal());
            } else {
                answer.complete(outcome.acceptance());
            }
        }
    }
}
