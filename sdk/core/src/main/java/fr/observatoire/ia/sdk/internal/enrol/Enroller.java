package fr.observatoire.ia.sdk.internal.enrol;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.EnrolmentRequest;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.sdk.EnrolmentException;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.EnrolmentTables;
import fr.observatoire.ia.sdk.internal.transport.ObservatoryClient;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Enrolment: proves to the observatory that we hold the key, with the one-time code it gave out of band (a JWS
 * over the code, signed by the key it carries in its header, like ACME's newAccount).
 */
public final class Enroller {
    private final Credentials credentials;
    private final ObservatoryClient client;
    private final Database database;
    private final Declarant declarant;
    private final Clock clock;

    public Enroller(Credentials credentials, ObservatoryClient client, Database database, Declarant declarant, Clock clock) {
        this.credentials = credentials;
        this.client = client;
        this.database = database;
        this.declarant = declarant;
        this.clock = clock;
    }

    /** Synchronized: two concurrent enrolments would race on the key file. */
    public synchronized EnrolmentResponse enrol(String code) throws EnrolmentException {
        if (code == null || code.isBlank()) {
            throw new EnrolmentException("local-error", 0, "Le code d'enrôlement est vide / The enrolment code is empty.", null, null);
        }
        SigningKey key;
        try {
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
        try {
            database.inTransaction(connection -> {
                EnrolmentTables.save(connection, response, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            throw new EnrolmentException("local-error", 0, "Enrôlé, mais l'enregistrement local a échoué / Enrolled, but the"
                    + " local store failed (" + e.getMessage() + "); enrol again with the same code once the disk is fixed.", null, e);
        }
        credentials.enrolled(key);
        Health.LOG.log(Level.INFO, "Enrolled with the observatory: SIREN {0}, key {1}.", response.siren(), response.kid());
        return response;
    }
}
