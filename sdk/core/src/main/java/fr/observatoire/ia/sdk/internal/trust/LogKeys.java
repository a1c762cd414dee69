package fr.observatoire.ia.sdk.internal.trust;

import fr.observatoire.ia.protocol.tlog.NoteException;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.sdk.InvalidConfigException;
import fr.observatoire.ia.sdk.SdkConfig;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.LogTables;
import fr.observatoire.ia.sdk.internal.transport.LogClient;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The key that signs the observatory's checkpoints. Two sources: the key pinned by configuration
 * ({@value SdkConfig.Keys#LOG_KEY}), obtained out of band, and the key the observatory gave at enrolment, kept in
 * the store (trust on first use, over the same TLS connection that carried the enrolment). When both exist they
 * must be the same key: if they differ, one of them is not the observatory's, and the SDK trusts neither.
 */
public final class LogKeys {
    private final Database database;
    private final LogClient client;
    private final NoteVerifier pinned;
    private final AtomicReference<NoteVerifier> stored = new AtomicReference<>();

    private LogKeys(Database database, LogClient client, NoteVerifier pinned, NoteVerifier stored) {
        this.database = database;
        this.client = client;
        this.pinned = pinned;
        this.stored.set(stored);
    }

    /**
     * @param pinnedVkey the configured key, or null
     * @throws InvalidConfigException naming {@value SdkConfig.Keys#LOG_KEY} when the store holds another key: the
     *                                configuration is checked at start, not discovered wrong at the first receipt
     */
    public static LogKeys load(Database database, LogClient client, String pinnedVkey) {
        NoteVerifier pinned = pinnedVkey == null ? null : parseOrFail(pinnedVkey, SdkConfig.Keys.LOG_KEY);
        NoteVerifier stored = database.inTransaction(LogTables::logKey)
                .map(vkey -> parseOrFail(vkey, "the log key kept in the store"))
                .orElse(null);
        if (pinned != null && stored != null && !pinned.vkey().equals(stored.vkey())) {
            throw new InvalidConfigException(mismatch(pinned.vkey(), stored.vkey(), "at enrolment"), null);
        }
        return new LogKeys(database, client, pinned, stored);
    }

    /** The key to verify checkpoints with, if any is known. */
    public Optional<NoteVerifier> current() {
        return Optional.ofNullable(pinned != null ? pinned : stored.get());
    }

    /**
     * Checks the key an enrolment answer offers against what is already trusted, before the enrolment is kept.
     *
     * @param offered the answer's {@code logKey}, or null (an observatory without a log)
     * @return the key to remember, if it is new
     * @throws LogKeyMismatchException if it differs from the pinned or the stored key
     */
    public Optional<String> admit(String offered) throws LogKeyMismatchException {
        if (offered == null || offered.isBlank()) {
            return Optional.empty();
        }
        NoteVerifier key;
        try {
            key = NoteVerifier.parse(offered);
        } catch (NoteException | IllegalArgumentException e) {
            throw new LogKeyMismatchException("L'observatoire a donné une clé de journal illisible / The observatory gave an"
                    + " unreadable log key at enrolment (" + e.getMessage() + "). Contact the observatory.");
        }
        for (NoteVerifier trusted : new NoteVerifier[]{pinned, stored.get()}) {
            if (trusted != null && !trusted.vkey().equals(key.vkey())) {
                throw new LogKeyMismatchException(mismatch(trusted.vkey(), key.vkey(), "now, at enrolment"));
            }
        }
        return stored.get() == null ? Optional.of(key.vkey()) : Optional.empty();
    }

    /** Keeps a key admitted by {@link #admit}. */
    public void remember(String vkey) {
        database.inTransaction(connection -> {
            LogTables.saveLogKey(connection, vkey);
            return null;
        });
        stored.set(parseOrFail(vkey, "the log key"));
    }

    /**
     * For an SDK enrolled before the observatory had a log: fetches the key once from the observatory and keeps
     * it (trust on first use), saying loudly that it should be pinned after checking it out of band.
     */
    public NoteVerifier fetchOnFirstUse() throws IOException {
        Optional<NoteVerifier> known = current();
        if (known.isPresent()) {
            return known.get();
        }
        String vkey = client.logKey();
        NoteVerifier key;
        try {
            key = NoteVerifier.parse(vkey);
        } catch (NoteException | IllegalArgumentException e) {
            throw new IOException("the observatory serves an unreadable log key: " + e.getMessage(), e);
        }
        remember(key.vkey());
        Health.LOG.log(Level.WARNING, "The observatory's transparency log key was not known; it was fetched from the observatory"
                + " and is trusted from now on: " + key.vkey() + ". Check it against the key the observatory publishes out of"
                + " band and pin it with " + SdkConfig.Keys.LOG_KEY + ".");
        return key;
    }

    private static String mismatch(String trusted, String other, String when) {
        return "Clé du journal de l'observatoire contradictoire / Conflicting log keys: " + SdkConfig.Keys.LOG_KEY
                + " or the store trusts " + trusted + " but the observatory gave " + other + " " + when + ". One of them is not"
                + " the observatory's: check the key it publishes out of band, fix " + SdkConfig.Keys.LOG_KEY
                + ", and contact the observatory. Nothing is trusted meanwhile.";
    }

    private static NoteVerifier parseOrFail(String vkey, String what) {
        try {
            return NoteVerifier.parse(vkey);
        } catch (NoteException | IllegalArgumentException e) {
            throw new InvalidConfigException(what + " is not a C2SP verifier key: " + e.getMessage(), e);
        }
    }

    /** The observatory offered a log key that contradicts the one already trusted. */
    public static final class LogKeyMismatchException extends Exception {
        public LogKeyMismatchException(String message) {
            super(message);
        }
    }
}
