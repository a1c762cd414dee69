package fr.observatoire.ia.sdk.internal.plugins;

import fr.observatoire.ia.sdk.internal.DaemonThreads;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.store.StoreException;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one pull plugin: on its own thread ({@code observatoire-plugin-<name>}) so that a slow or stuck source
 * holds up no other plugin, one pull at a time (a scheduled pull and {@code pullNow} wait for each other), and
 * whatever the plugin throws stays here.
 *
 * <p>After a success or a permanent failure the next pull comes after the interval. A transient failure (the
 * source is down) is retried sooner, after 30 s doubling up to the interval, so that a short outage costs little
 * data freshness and a long one does not hammer the source.
 */
final class PullRunner {
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    private final PullPlugin plugin;
    private final String name;
    private final String version;
    private final Duration interval;
    private final PullCommitter committer;
    private final Health health;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private volatile ScheduledExecutorService thread;
    private volatile Instant nextPull;

    /** How a pull ended; {@code failures} counts consecutive failed pulls (0 after a success). */
    record Outcome(boolean succeeded, boolean transientFailure, int failures) {
    }

    PullRunner(PullPlugin plugin, String name, String version, Duration interval, PullCommitter committer, Health health,
               Clock clock) {
        this.plugin = plugin;
        this.name = name;
        this.version = version;
        this.interval = interval;
        this.committer = committer;
        this.health = health;
        this.clock = clock;
    }

    Duration interval() {
        return interval;
    }

    Instant nextPull() {
        return nextPull;
    }

    /** Starts the schedule: a first pull right away (the source may have grown while the SDK was stopped). */
    void schedule(PullProgress progress) {
        ScheduledExecutorService executor = DaemonThreads.scheduler("observatoire-plugin-" + name);
        thread = executor;
        next(executor, Duration.ZERO, progress);
    }

    private void next(ScheduledExecutorService executor, Duration delay, PullProgress progress) {
        nextPull = clock.instant().plus(delay);
        try {
            executor.schedule(() -> next(executor, delayAfter(pull(progress)), progress), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            nextPull = null;
        }
    }

    Duration delayAfter(Outcome outcome) {
        if (outcome.succeeded() || !outcome.transientFailure()) {
            return interval;
        }
        int doublings = Math.min(outcome.failures() - 1, 20);
        Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.max(0, doublings));
        return backoff.compareTo(interval) < 0 ? backoff : interval;
    }

    /** One pull, committed or counted as failed. Never throws. */
    Outcome pull(PullProgress progress) {
        oneAtATime.lock();
        try {
            return pullOnce(progress == null ? PullProgress.NONE : progress);
        } finally {
            oneAtATime.unlock();
        }
    }

    private Outcome pullOnce(PullProgress progress) {
        String topic = "plugin " + name;
        String problem;
        boolean transientFailure;
        try {
            PullBatch batch = plugin.pull(Optional.ofNullable(committer.state(name).cursor()), progress);
            if (batch == null) {
                throw new PluginException("the " + name + " plugin returned no batch (null); nothing was counted");
            }
            committer.commit(name, version, batch);
            health.recovered(topic, "Plugin " + name + " pulls again.");
            return new Outcome(true, false, 0);
        } catch (PluginException e) {
            problem = e.getMessage();
            transientFailure = e.isTransient();
            health.problem(topic, "Plugin " + name + " failed; its cursor stays where it was and the pull is tried again: "
                    + problem, null);
        } catch (StoreException e) {
            problem = "the local store refused the pull's results (" + e.getMessage() + ")";
            transientFailure = true;
            health.problem(topic, "Plugin " + name + ": " + problem + "; nothing was counted, the pull is tried again.", e);
        } catch (Throwable e) {
            // A bug of the plugin, Errors included (a NoClassDefFoundError of a missing dependency, a StackOverflowError):
            // the SDK, the host and the other plugins go on. The full exception is logged here only.
            problem = Failures.bug(name, e);
            transientFailure = false;
            health.problem(topic, "Plugin " + name + ": " + problem, e);
        }
        try {
            return new Outcome(false, transientFailure, committer.recordFailure(name, version, Failures.truncate(problem)));
        } catch (RuntimeException e) {
            Health.LOG.log(Level.DEBUG, "The failure of plugin " + name + " could not be recorded: " + e, e);
            return new Outcome(false, true, 1);
        }
    }

    /** Stops the schedule, waiting up to {@code timeout} for a pull in progress, then interrupting it. */
    void stop(Duration timeout) {
        ScheduledExecutorService executor = thread;
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                Health.LOG.log(Level.WARNING, "The pull of plugin {0} did not end within {1} ms and was interrupted;"
                        + " nothing of it was committed, it is pulled again at the next start.", name, timeout.toMillis());
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        nextPull = null;
    }
}
