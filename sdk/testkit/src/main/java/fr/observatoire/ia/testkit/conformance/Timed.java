package fr.observatoire.ia.testkit.conformance;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs plugin code on another thread with a deadline, as the SDK does: a call that hangs fails the test with a
 * message saying which call and how long, instead of hanging the build. The thread is a daemon, so a plugin that
 * ignores interruption cannot keep the JVM alive.
 */
final class Timed implements AutoCloseable {
    /** What a call did: returned a value, or threw. */
    record Result<T>(T value, Throwable thrown) {
        boolean threw() {
            return thrown != null;
        }
    }

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "observatoire-conformance");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code call}; fails with an {@link AssertionError} naming {@code what} when it takes longer than {@code limit}. */
    <T> Result<T> run(String what, Duration limit, Callable<T> call) {
        Future<T> future = executor.submit(call);
        try {
            return new Result<>(future.get(limit.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (ExecutionException e) {
            return new Result<>(null, e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError(what + " did not return within " + limit + ": the plugin must bound every wait on its"
                    + " source (connect and read timeouts), the SDK runs it on a thread it cannot give up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
