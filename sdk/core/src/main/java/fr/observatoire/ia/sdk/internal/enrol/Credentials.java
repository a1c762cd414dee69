package fr.observatoire.ia.sdk.internal.enrol;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.sign.SigningKeyFile;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.EnrolmentTables;
import fr.observatoire.ia.sdk.internal.store.EnrolmentTables.EnrolledKey;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The signing key, once the observatory has accepted it for our SIREN and as long as it is neither retired nor
 * revoked. Until then nothing is signed: counts keep accumulating in the store and the periods wait to be declared.
 */
public final class Credentials {
    private final SigningKeyFile keyFile;
    private final AtomicReference<SigningKey> enrolled = new AtomicReference<>();

    private Credentials(SigningKeyFile keyFile) {
        this.keyFile = keyFile;
    }

    /**
     * Loads the key, first finishing a key rotation whose local switch a stop interrupted: when the store already
     * holds the enrolment of the next key (its transaction committed), only the file rename is left to do.
     *
     * @throws IOException if a key file exists but is unreadable: refusing to start beats silently replacing the
     *                     collectivité's identity
     */
    public static Credentials load(SigningKeyFile keyFile, Database database, String siren) throws IOException {
        Credentials credentials = new Credentials(keyFile);
        Optional<SigningKey> key = finishInterruptedSwitch(keyFile, database, siren);
        if (key.isPresent()) {
            Optional<EnrolledKey> enrolment = database.inTransaction(c -> EnrolmentTables.key(c, key.get().kid()));
            if (enrolment.isPresent() && siren.equals(enrolment.get().siren()) && enrolment.get().active()) {
                credentials.enrolled.set(key.get());
            } else if (enrolment.isPresent() && !enrolment.get().active()) {
                Health.LOG.log(Level.WARNING, "The signing key " + key.get().kid() + " was "
                        + (enrolment.get().revokedAt() != null ? "revoked" : "retired") + ": nothing will be declared until"
                        + " this SDK is enrolled again (enrol(code) with a new code from the observatory).");
            } else if (enrolment.isPresent()) {
                Health.LOG.log(Level.WARNING, "The signing key " + key.get().kid() + " was enrolled for SIREN "
                        + enrolment.get().siren() + ", not for the configured " + siren + ": nothing will be declared"
                        + " until this SIREN is enrolled (enrol(code)).");
            }
        }
        return credentials;
    }

    private static Optional<SigningKey> finishInterruptedSwitch(SigningKeyFile keyFile, Database database, String siren)
            throws IOException {
        Optional<SigningKey> key = keyFile.load();
        Optional<SigningKey> next = keyFile.loadNext();
        if (key.isEmpty() || next.isEmpty() || active(database, next.get().kid(), siren).isEmpty()) {
            return key;
        }
        keyFile.promoteNext(key.get());
        Health.LOG.log(Level.INFO, "Finished the key rotation interrupted by a stop: signing with " + next.get().kid()
                + ", the old key " + key.get().kid() + " is kept as " + keyFile.archivePath(key.get().kid(), "retired").getFileName() + ".");
        return next;
    }

    private static Optional<EnrolledKey> active(Database database, String kid, String siren) {
        return database.inTransaction(c -> EnrolmentTables.key(c, kid))
                .filter(key -> key.active() && siren.equals(key.siren()));
    }

    public Optional<SigningKey> enrolledKey() {
        return Optional.ofNullable(enrolled.get());
    }

    SigningKeyFile keyFile() {
        return keyFile;
    }

    void enrolled(SigningKey key) {
        enrolled.set(key);
    }

    /** The key can no longer sign (revoked): declarations wait for a new enrolment. */
    void withdraw() {
        enrolled.set(null);
    }
}
