package fr.observatoire.ia.sdk.internal.enrol;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.KeyOperationException;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.sign.Resigning;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.EnrolmentTables;
import fr.observatoire.ia.sdk.internal.store.OutboxTables;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.transport.SenderKeys;
import fr.observatoire.ia.sdk.internal.trust.Alarms;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * The sender's view of the key lifecycle: an entry signed by a key that is no longer current (queued while a
 * rotation switched keys, or before a revocation and a new enrolment) is re-signed with the current key before it
 * goes; a rotation left pending is finished before sending; a refusal of the key itself raises the alarm that
 * says what to do.
 */
public final class KeyWatch implements SenderKeys {
    static final String RETIRED_ALARM = "L'observatoire indique que la clé de signature a été retirée par une rotation que ce SDK"
            + " n'a pas terminée : s'il reste un fichier signing-key.next.jwk, la rotation sera terminée dès que l'observatoire"
            + " répondra (ou appelez rotateKey()) ; sinon, demandez un nouveau code d'enrôlement et appelez enrol(code). Les"
            + " déclarations restent en attente. / The observatory says the signing key was retired by a rotation this SDK"
            + " did not finish: if a signing-key.next.jwk file remains, the rotation is finished as soon as the observatory"
            + " answers (or call rotateKey()); otherwise ask for a new enrolment code and call enrol(code). Declarations stay"
            + " pending. Key: ";

    private final Credentials credentials;
    private final KeyRotator rotator;
    private final KeyRevoker revoker;
    private final Database database;
    private final Alarms alarms;
    private final Clock clock;

    public KeyWatch(Credentials credentials, KeyRotator rotator, KeyRevoker revoker, Database database, Alarms alarms, Clock clock) {
        this.credentials = credentials;
        this.rotator = rotator;
        this.revoker = revoker;
        this.database = database;
        this.alarms = alarms;
        this.clock = clock;
    }

    @Override
    public boolean canSign() {
        return credentials.enrolledKey().isPresent() || rotator.pending();
    }

    @Override
    public OutboxEntry prepare(OutboxEntry entry) {
        if (rotator.pending()) {
            finishRotation();
        }
        return resignIfStale(entry).orElse(entry);
    }

    @Override
    public boolean refused(OutboxEntry entry, String slug) {
        if (resignIfStale(entry).isPresent()) {
            return true;
        }
        Optional<SigningKey> current = credentials.enrolledKey();
        if ("key-retired".equals(slug)) {
            if (rotator.pending() && finishRotation()) {
                return true;
            }
            alarms.raise(Alarm.Kind.KEY_RETIRED, RETIRED_ALARM + Resigning.kid(entry.jws()) + ".", entry.declarationId());
            return false;
        }
        current.ifPresent(key -> revoker.withdraw(key, "revoked by the observatory", clock.instant()));
        if (current.isEmpty()) {
            alarms.raise(Alarm.Kind.KEY_REVOKED, KeyRevoker.REVOKED_ALARM + Resigning.kid(entry.jws()) + ".", entry.declarationId());
        }
        return false;
    }

    private boolean finishRotation() {
        try {
            return rotator.resume().isPresent();
        } catch (KeyOperationException e) {
            Health.LOG.log(Level.WARNING, "The pending key rotation could not be finished yet: " + e.getMessage());
            return false;
        }
    }

    /**
     * @return the entry as it must now be sent (re-signed here, or by a key switch since it was read), or empty when
     * it is already signed by the current key, or there is none
     */
    private Optional<OutboxEntry> resignIfStale(OutboxEntry entry) {
        Optional<SigningKey> current = credentials.enrolledKey();
        return database.inTransaction(connection -> {
            // A key switch commits its store transaction (which re-signs the pending entries) a moment before the
            // in-memory key follows. In that window the entry read earlier may carry the retired signature, and the
            // key held here is the retired one: re-signing with it would undo the switch. So the store decides: its
            // version of the entry wins, and only a key it still holds as active signs.
            Optional<OutboxEntry> stored = OutboxTables.find(connection, entry.declarationId());
            if (stored.isPresent() && current.isPresent() && active(connection, current.get())
                    && Resigning.resign(connection, stored.get(), current.get())) {
                return OutboxTables.find(connection, entry.declarationId());
            }
            return stored.filter(fresh -> !fresh.jws().equals(entry.jws()));
        });
    }

    private static boolean active(Connection connection, SigningKey key) throws SQLException {
        return EnrolmentTables.key(connection, key.kid()).map(EnrolmentTables.EnrolledKey::active).orElse(false);
    }
}
