package fr.observatoire.ia.plugin.intranet;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where this plugin puts the failures of the observatory it records into, so that none reaches the host's request
 * or bean. The first one is logged with its stack trace (the DSI needs to know the SDK is broken); later ones are
 * only counted, because a broken observatory fails on every request and a log line per request is I/O on the host's
 * thread and floods the log.
 */
final class ObservatoryFailures {
    private static final System.Logger LOG = System.getLogger("fr.observatoire.ia.plugin.intranet");
    private static final AtomicLong COUNT = new AtomicLong();

    private ObservatoryFailures() {
    }

    /** Swallows {@code failure}, except a {@link VirtualMachineError}: the JVM itself is failing and must be told. */
    static void record(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        if (COUNT.getAndIncrement() == 0) {
            LOG.log(System.Logger.Level.WARNING,
                    "The observatory failed; the host goes on unaffected and later failures are only counted", failure);
        }
    }

    /** How many failures were swallowed since the class was loaded. */
    static long count() {
        return COUNT.get();
    }
}
