package fr.observatoire.ia.sdk.internal.enrol;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.sign.SigningKeyFile;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.EnrolmentTables;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The signing key, once the observatory has accepted it for our SIREN. Until then nothing is signed: counts
 * keep accumulating in the store and the periods wait to be declared.
 */
public final class Credentials {
    private final SigningKeyFile keyFile;
    private final AtomicReference<SigningKey> enrolled = new AtomicReference<>();

    private Credentials(SigningKeyFile keyFile) {
        this.keyFile = keyFile;
    }

    /**
     * @throws IOException if a key file exists but is unreadable: refusing to start beats silently replacing the
     *                     collectivité's identity
     */
    public static Credentials load(SigningKeyFile keyFile, Database database, String siren) throws IOException {
        Credentials credentials = new Credentials(keyFile);
        Optional<SigningKey> key = keyFile.load();
        if (key.isPresent()) {
            Optional<EnrolmentResponse> enrolment = database.inTransaction(c -> EnrolmentTables.find(c, key.get().kid()));
            if (enrolment.isPresent() && siren.equals(enrolment.get().siren())) {
                credentials.enrolled.set(key.get());
            } else if (enrolment.isPresent()) {
                Health.LOG.log(Level.WARNING, "The signing key " + key.get().kid() + " was enrolled for SIREN "
                        + enrolment.get().siren() + ", not for the configured " + siren + ": nothing will be declared"
                        + " until this SIREN is enrolled (enrol(code)).");
            }
        }
        return credentials;
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
}
