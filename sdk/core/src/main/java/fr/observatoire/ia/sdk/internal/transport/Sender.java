package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.LossTables;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.store.OutboxTables;
import fr.observatoire.ia.sdk.internal.trust.Alarms;
import fr.observatoire.ia.sdk.internal.trust.ReceiptCheck;
import fr.observatoire.ia.sdk.internal.trust.ReceiptVerdict;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * <p>A declaration is acknowledged (SENT) only when its receipt verifies ({@link ReceiptCheck}): a receipt that does
 * not is no acknowledgement, the declaration stays pending, an alarm is raised and it is retried at the slowest
 * pace, since an observatory that hands out bad proofs is broken and hammering it helps nobody.
 *
 * <p>Backoff state lives in memory: after a restart the head of the outbox is tried at once, which is what an
 * operator who restarted after fixing something expects. Durable state (attempts, last error, receipts,
 * SENT/QUARANTINED, alarms) is in the store.
 */
public final class Sender implements Runnable {
    static final String QUARANTINE_SOURCE = "outbox";
    private static final String TOPIC = "send";
    /** How long to wait before reading the store again after the store itself failed. */
    private static final Duration STORE_RETRY = Duration.ofSeconds(1);
    /** What an acknowledged declaration proves fixed: the observatory takes our declarations, keys and clock again. */
    private static final Alarm.Kind[] RESOLVED_BY_ACKNOWLEDGEMENT = {Alarm.Kind.RECEIPT_UNVERIFIED, Alarm.Kind.SEQUENCE_GAP,
            Alarm.Kind.CLOCK_AHEAD, Alarm.Kind.KEY_RETIRED};

    private final Database database;
    private final ObservatoryClient client;
    private final RetryPolicy retry;
    private final Health health;
    private final Clock clock;
    private final ReceiptCheck receipts;
    private final SenderKeys keys;
    private final Alarms alarms;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean stopping;
    private UUID head;
    private int failures;
    private long notBeforeNanos;

    public Sender(Database database, ObservatoryClient client, RetryPolicy retry, Health health, Clock clock,
                  ReceiptCheck receipts, SenderKeys keys, Alarms alarms) {
        this.database = database;
        this.client = client;
        this.retry = retry;
        this.health = health;
        this.clock = clock;
        this.receipts = receipts;
        this.keys = keys;
        this.alarms = alarms;
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

    /** Something changed that may let the held-back declaration through (a new key): end its backoff now. */
    public void retryNow() {
        lock.lock();
        try {
            head = null;
        } finally {
            lock.unlock();
        }
        wakeUp();
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
        if (!keys.canSign()) {
            // Revoked, not yet enrolled again: the enrolment wakes us (retryNow). Until then nothing is sent, so a
            // restart (each agent command is one) does not send the pending declarations only to see them refused.
            sleep(Long.MAX_VALUE);
            return;
        }
        OutboxEntry entry = next.get();
        lock.lock();
        try {
            // A new head starts with a clean backoff; retryNow() forgets the head to the same effect.
            if (!entry.declarationId().equals(head)) {
                head = entry.declarationId();
                failures = 0;
                notBeforeNanos = System.nanoTime();
            }
        } finally {
            lock.unlock();
        }
        long wait = notBeforeNanos - System.nanoTime();
        if (wait > 0) {
            sleep(wait);
            return;
        }
        OutboxEntry ready = keys.prepare(entry);
        handle(ready, client.submitDeclaration(ready.jws()));
    }

    private void handle(OutboxEntry entry, SubmissionOutcome outcome) {
        if (outcome instanceof SubmissionOutcome.Accepted accepted) {
            acknowledge(entry, accepted);
        } else if (outcome instanceof SubmissionOutcome.Transient failure) {
            Duration delay = backOff(failure.retryAfter());
            retryLater(entry, failure.reason(), delay);
            health.problem(TOPIC, "Declaration " + entry.sequence() + " could not be sent (" + failure.reason()
                    + "); it stays in the outbox and is retried in " + delay.toMillis() + " ms. Nothing is lost.", null);
        } else if (outcome instanceof SubmissionOutcome.Rejected rejected) {
            refused(entry, rejected);
        }
    }

    /** The observatory took the declaration: it counts as acknowledged only if the receipt proves it. */
    private void acknowledge(OutboxEntry entry, SubmissionOutcome.Accepted accepted) {
        ReceiptVerdict verdict = receipts.verify(entry, accepted.receipt());
        if (verdict instanceof ReceiptVerdict.Refused refused) {
            String message = ProblemAdvice.unverifiedReceipt(entry, refused.reason());
            retryLater(entry, message, slowest());
            health.note(message);
            alarms.raise(Alarm.Kind.RECEIPT_UNVERIFIED, message, entry.declarationId());
            return;
        }
        if (verdict instanceof ReceiptVerdict.Undecided undecided) {
            Duration delay = backOff(null);
            retryLater(entry, undecided.reason(), delay);
            health.problem("receipt", "The receipt of declaration " + entry.sequence() + " cannot be checked yet ("
                    + undecided.reason() + "); it stays in the outbox and is sent again in " + delay.toMillis() + " ms.", null);
            return;
        }
        String checkpoint = verdict instanceof ReceiptVerdict.Verified verified ? verified.signedCheckpoint() : null;
        List<Alarm.Kind> cleared = database.inTransaction(connection -> {
            OutboxTables.markSent(connection, entry.declarationId(), accepted.receipt(), checkpoint, null, clock.instant());
            return Alarms.clear(connection, RESOLVED_BY_ACKNOWLEDGEMENT);
        });
        alarms.logCleared(cleared, "Declaration " + entry.sequence() + " was acknowledged with a verified receipt");
        health.recovered(TOPIC, "The observatory accepts declarations again.");
        health.recovered("receipt", "Receipts can be checked again.");
        Health.LOG.log(Level.DEBUG, "Declaration {0} (sequence {1}) acknowledged{2}", entry.declarationId(),
                entry.sequence(), accepted.duplicate() ? " (already received)" : "");
    }

    private void refused(OutboxEntry entry, SubmissionOutcome.Rejected rejected) {
        String slug = rejected.problem() == null ? null : rejected.problem().slug();
        switch (RefusalPolicy.of(slug)) {
            case RETRY_WITH_BACKOFF -> {
                String message = ProblemAdvice.sequenceGap(entry.sequence());
                retryLater(entry, rejected.description(), backOff(null));
                health.note(message);
                alarms.raise(Alarm.Kind.SEQUENCE_GAP, message, entry.declarationId());
            }
            case WAIT_FOR_CLOCK -> {
                String message = ProblemAdvice.clockAhead(entry.sequence());
                retryLater(entry, rejected.description(), slowest());
                health.note(message);
                alarms.raise(Alarm.Kind.CLOCK_AHEAD, message, entry.declarationId());
            }
            case KEY_PROBLEM -> {
                boolean resigned = keys.refused(entry, slug);
                retryLater(entry, rejected.description(), resigned ? Duration.ZERO : slowest());
            }
            case QUARANTINE -> quarantine(entry, rejected);
        }
    }

    private Duration backOff(Duration retryAfter) {
        failures++;
        return retry.delay(failures, retryAfter);
    }

    /** The pace for what only a person or time can fix: the longest backoff, no faster. */
    private Duration slowest() {
        failures++;
        return retry.cap(Integer.MAX_VALUE);
    }

    private void retryLater(OutboxEntry entry, String reason, Duration delay) {
        notBeforeNanos = System.nanoTime() + delay.toNanos();
        database.inTransaction(connection -> {
            OutboxTables.recordFailedAttempt(connection, entry.declarationId(), reason, clock.instant());
            return null;
        });
    }

    private void quarantine(OutboxEntry entry, SubmissionOutcome.Rejected rejected) {
        String slug = rejected.problem() == null ? null : rejected.problem().slug();
        String message = "Declaration " + entry.sequence() + " (period from " + entry.periodStart() + ", id " + entry.declarationId()
                + ") was refused by the observatory (" + rejected.description() + ") and is quarantined in the local store. "
                + ProblemAdvice.declaration(slug) + " Later declarations are still sent; the next one reports this loss.";
        // Noted first, so that whoever sees the quarantine in the store (flush, status) also sees why.
        health.note(message);
        // The quarantine and the loss the next declaration reports are one transaction: never one without the other.
        database.inTransaction(connection -> {
            OutboxTables.markQuarantined(connection, entry.declarationId(), message, clock.instant());
            LossTables.add(connection, LossReason.QUARANTINED_DECLARATION, QUARANTINE_SOURCE, 1);
            return null;
        });
        // Logged once, at ERROR: a quarantined declaration needs a person.
        Health.LOG.log(Level.ERROR, message);
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
