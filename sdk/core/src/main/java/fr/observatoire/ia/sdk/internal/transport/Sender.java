package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.LossTables;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.store.OutboxTables;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sender thread's loop: sends the outbox in sequence order, one declaration at a time, because the
 * observatory checks each declaration's link to the previous one. A declaration in backoff holds back the
 * ones after it; a quarantined one does not (it is out of the PENDING set).
 *
 * <p>Backoff state lives in memory: after a restart the head of the outbox is tried at once, which is what an
 * operator who restarted after fixing something expects. Durable state (attempts, last error, receipts,
 * SENT/QUARANTINED) is in the store.
 */
public final class Sender implements Runnable {
    static final String QUARANTINE_SOURCE = "outbox";
    private static final String TOPIC = "send";
    /** How long to wait before reading the store again after the store itself failed. */
    private static final Duration STORE_RETRY = Duration.ofSeconds(1);

    private final Database database;
    private final ObservatoryClient client;
    private final RetryPolicy retry;
    private final Health health;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean stopping;
    private UUID head;
    private int failures;
    private long notBeforeNanos;

    public Sender(Database database, ObservatoryClient client, RetryPolicy retry, Health health, Clock clock) {
        this.database = database;
        this.client = client;
        this.retry = retry;
        this.health = health;
        this.clock = clock;
    }

    /** A declaration was queued, or someone waits: look at the outbox now (a backoff in progress still holds). */
    public void wakeUp() {
        lock.lock();
        try {
            wakeRequested = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void stop() {
        stopping = true;
        wakeUp();
    }

    @Override
    public void run() {
        while (!stopping) {
            try {
                step();
            } catch (RuntimeException e) {
                health.problem(TOPIC, "The sender met an unexpected error (" + e + "); it carries on.", e);
                sleep(STORE_RETRY.toNanos());
            }
        }
    }

    private void step() {
        Optional<OutboxEntry> next;
        try {
            next = database.inTransaction(OutboxTables::nextPending);
        } catch (RuntimeException e) {
            health.problem("outbox", "Cannot read the outbox from the local store (" + e.getMessage() + "); retrying.", e);
            sleep(STORE_RETRY.toNanos());
            return;
        }
        if (next.isEmpty()) {
            sleep(Long.MAX_VALUE);
            return;
        }
        OutboxEntry entry = next.get();
        if (!entry.declarationId().equals(head)) {
            head = entry.declarationId();
            failures = 0;
            notBeforeNanos = System.nanoTime();
        }
        long wait = notBeforeNanos - System.nanoTime();
        if (wait > 0) {
            sleep(wait);
            return;
        }
        handle(entry, client.submitDeclaration(entry.jws()));
    }

    private void handle(OutboxEntry entry, SubmissionOutcome outcome) {
        if (outcome instanceof SubmissionOutcome.Accepted accepted) {
            String mismatch = receiptMismatch(entry, accepted.receipt());
            if (mismatch != null) {
                health.problem("receipt", mismatch, null);
            }
            database.inTransaction(connection -> {
                OutboxTables.markSent(connection, entry.declarationId(), accepted.receipt(), mismatch, clock.instant());
                return null;
            });
            health.recovered(TOPIC, "The observatory accepts declarations again.");
            Health.LOG.log(Level.DEBUG, "Declaration {0} (sequence {1}) acknowledged{2}", entry.declarationId(),
                    entry.sequence(), accepted.duplicate() ? " (already received)" : "");
        } else if (outcome instanceof SubmissionOutcome.Transient failure) {
            failures++;
            Duration delay = retry.delay(failures, failure.retryAfter());
            notBeforeNanos = System.nanoTime() + delay.toNanos();
            database.inTransaction(connection -> {
                OutboxTables.recordFailedAttempt(connection, entry.declarationId(), failure.reason(), clock.instant());
                return null;
            });
            health.problem(TOPIC, "Declaration " + entry.sequence() + " could not be sent (" + failure.reason()
                    + "); it stays in the outbox and is retried in " + delay.toMillis() + " ms. Nothing is lost.", null);
        } else if (outcome instanceof SubmissionOutcome.Rejected rejected) {
            quarantine(entry, rejected);
        }
    }

    private void quarantine(OutboxEntry entry, SubmissionOutcome.Rejected rejected) {
        String slug = rejected.problem() == null ? null : rejected.problem().slug();
        String message = "Declaration " + entry.sequence() + " (period from " + entry.periodStart() + ", id " + entry.declarationId()
                + ") was refused by the observatory (" + rejected.description() + ") and is quarantined in the local store. "
                + ProblemAdvice.declaration(slug) + " Later declarations are still sent; the next one reports this loss.";
        // The quarantine and the loss the next declaration reports are one transaction: never one without the other.
        database.inTransaction(connection -> {
            OutboxTables.markQuarantined(connection, entry.declarationId(), message, clock.instant());
            LossTables.add(connection, LossReason.QUARANTINED_DECLARATION, QUARANTINE_SOURCE, 1);
            return null;
        });
        // Logged once, at ERROR: a quarantined declaration needs a person.
        Health.LOG.log(Level.ERROR, message);
        health.note(message);
    }

    private static String receiptMismatch(OutboxEntry entry, Receipt receipt) {
        if (entry.declarationId().equals(receipt.declarationId()) && entry.sequence() == receipt.sequence()
                && entry.payloadHash().equals(receipt.declarationHash())) {
            return null;
        }
        return "The observatory's receipt for declaration " + entry.sequence() + " does not match it (receipt: id "
                + receipt.declarationId() + ", sequence " + receipt.sequence() + ", hash " + receipt.declarationHash()
                + "; sent: id " + entry.declarationId() + ", hash " + entry.payloadHash() + "). The receipt is kept; report it to the observatory.";
    }

    private void sleep(long nanos) {
        lock.lock();
        try {
            long remaining = nanos;
            while (!wakeRequested && !stopping && remaining > 0) {
                remaining = remaining == Long.MAX_VALUE
                        ? awaitForever()
                        : wakeUp.awaitNanos(remaining);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private long awaitForever() throws InterruptedException {
        wakeUp.await(1, TimeUnit.MINUTES);
        return Long.MAX_VALUE;
    }
}
