package fr.observatoire.ia.api;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The observatory of the running application, for code that cannot be handed one (a servlet filter,
 * a plugin loaded by name). Until {@link #set} is called, {@link #get} returns the no-op.
 */
public final class GlobalObservatory {
    private static final AtomicReference<Observatory> INSTANCE = new AtomicReference<>(Observatory.noop());

    private GlobalObservatory() {
    }

    public static Observatory get() {
        return INSTANCE.get();
    }

    /** Installs the application's observatory; returns the previous one. */
    public static Observatory set(Observatory observatory) {
        return INSTANCE.getAndSet(observatory == null ? Observatory.noop() : observatory);
    }
}
