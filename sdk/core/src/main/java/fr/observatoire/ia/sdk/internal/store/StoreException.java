package fr.observatoire.ia.sdk.internal.store;

/** The local store failed (disk full, file locked, corrupt). Callers on background threads catch, count and log it. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
