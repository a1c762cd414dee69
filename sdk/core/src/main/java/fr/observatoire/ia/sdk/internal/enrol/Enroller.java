package fr.observatoire.ia.sdk.internal.enrol;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.EnrolmentRequest;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.EnrolmentException;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.sign.Resigning;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.EnrolmentTables;
import fr.observatoire.ia.sdk.internal.transport.ObservatoryClient;
import fr.observatoire.ia.sdk.internal.trust.Alarms;
import fr.observatoire.ia.sdk.internal.trust.LogKeys;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Enrolment: proves to the observatory that we hold the key, with the one-time code it gave out of band (a JWS
 * over the code, signed by the key it carries in its header, like ACME's newAccount). The answer's log key is
 * checked against the trusted one before the enrolment is kept; after a revocation, enrolment starts from a new
 * key and re-signs the declarations still pending.
 */
public final class Enroller {
    private final Credentials credentials;
    private final ObservatoryClient client;
    private final Database database;
    private final Declarant declarant;
    private final Clock clock;
    private final LogKeys logKeys;
    private final Alarms alarms;
    private final Runnable onKeyChanged;

    public Enroller(Credentials credentials, ObservatoryClient client, Database database, Declarant declarant, Clock clock,
                    LogKeys logKeys, Alarms alarms, Runnable onKeyChanged) {
        this.credentials = credentials;
        this.client = client;
        this.database = database;
        this.declarant = declarant;
        this.clock = clock;
        this.logKeys = logKeys;
        this.alarms = alarms;
        this.onKeyChanged = onKeyChanged;
    }

    /** Synchronized: two concurrent enrolments would race on the key file. */
    public synchronized EnrolmentResponse enrol(String code) throws EnrolmentException {
        if (code == null || code.isBlank()) {
            throw new EnrolmentException("local-error", 0, "Le code d'enrôlement est vide / The enrolment code is empty.", null, null);
        }
        SigningKey key;
        try {
            setAsideUnusableKey();
            key = credentials.keyFile().loadOrCreate();
        } catch (IOException e) {
            throw new EnrolmentException("local-error", 0, "La clé de signature ne peut être lue ou écrite / The signing key"
                    + " cannot be read or written: " + e.getMessage(), null, e);
        }
        EnrolmentRequest request = new EnrolmentRequest(declarant.siren(), code.trim(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        EnrolmentResponse response = client.enrol(Jws.signWithEmbeddedKey(key, Jws.TYP_ENROLMENT, ProtocolJson.write(request)));
        if (!key.kid().equals(response.kid()) || !declarant.siren().equals(response.siren())) {
            throw new EnrolmentException("unexpected-response", 201, "L'observatoire a enregistré une autre clé ou un autre SIREN /"
                    + " The observatory enrolled key " + response.kid() + " for SIREN " + response.siren() + ", but this SDK holds key "
                    + key.kid() + " for SIREN " + declarant.siren() + ". Contact the observatory.", null, null);
        }
        Optional<String> newLogKey;
        try {
            newLogKey = logKeys.admit(response.logKey());
        } catch (LogKeys.LogKeyMismatchException e) {
            throw new EnrolmentException("log-key-mismatch", 0, e.getMessage() + " The enrolment is not kept: once the key"
                    + " is settled, call enrol again with the same code.", response.logKey(), e);
        }
        int resigned;
        try {
            resigned = database.inTransaction(connection -> {
                EnrolmentTables.save(connection, response, clock.instant());
                return Resigning.resignPending(connection, key);
            });
            newLogKey.ifPresent(logKeys::remember);
        } catch (RuntimeException e) {
            throw new EnrolmentException("local-error", 0, "Enrôlé, mais l'enregistrement local a échoué / Enrolled, but the"
                    + " local store failed (" + e.getMessage() + "); enrol again with the same code once the disk is fixed.", null, e);
        }
        credentials.enrolled(key);
        alarms.clear(Alarm.Kind.KEY_REVOKED, "Enrolled again: the alarm about the revoked key is cleared.");
        alarms.clear(Alarm.Kind.KEY_RETIRED, "Enrolled again: the alarm about the retired key is cleared.");
        Health.LOG.log(Level.INFO, "Enrolled with the observatory: SIREN {0}, key {1}{2}.", response.siren(), response.kid(),
                resigned == 0 ? "" : "; " + resigned + " pending declaration(s) re-signed with it");
        onKeyChanged.run();
        return response;
    }

    /** A revoked or retired key can never be enrolled again: move it aside so that enrolment generates a new one. */
    private void setAsideUnusableKey() throws IOException {
        Optional<SigningKey> existing = credentials.keyFile().load();
        if (existing.isEmpty()) {
            return;
        }
        Optional<EnrolmentTables.EnrolledKey> record = database.inTransaction(c -> EnrolmentTables.key(c, existing.get().kid()));
        if (record.isPresent() && !record.get().active()) {
            credentials.keyFile().archiveCurrent(record.get().revokedAt() != null ? "revoked" : "retired");
        }
    }
}
