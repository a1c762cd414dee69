package fr.observatoire.ia.sdk.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The SDK's threads: named (so a thread dump says whose they are) and daemon (so the SDK never keeps a host's
 * JVM alive on exit, a top complaint about telemetry SDKs).
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    public static Thread newThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) ->
                Health.LOG.log(Level.ERROR, "Thread " + t.getName() + " of the observatory SDK died: " + e, e));
        return thread;
    }

    /** A single-thread scheduler; its queue only ever holds our few periodic tasks. */
    public static ScheduledExecutorService scheduler(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> newThread(name, task));
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return executor;
    }

    /**
     * Wraps a periodic task so that an exception does not silently cancel every later run (what a
     * ScheduledExecutorService does by default).
     */
    public static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                Health.LOG.log(Level.ERROR, "The observatory SDK's " + what + " failed: " + e, e);
            }
        };
    }
}
