package fr.observatoire.ia.sdk.internal.enrol;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.KeyOperationException;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.EnrolmentTables;
import fr.observatoire.ia.sdk.internal.transport.KeyCallOutcome;
import fr.observatoire.ia.sdk.internal.transport.ObservatoryClient;
import fr.observatoire.ia.sdk.internal.trust.Alarms;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Revocation of the signing key by the collectivité (a compromised workstation, a leaked backup). Afterwards the
 * SDK signs nothing until it is enrolled again with a new code: periods wait, pending declarations stay in the
 * outbox and are re-signed with the new key at enrolment. Declarations the observatory accepted before stay valid.
 */
public final class KeyRevoker {
    static final String REVOKED_ALARM = "Clé de signature révoquée : plus rien n'est signé ni envoyé. Demandez un nouveau code"
            + " d'enrôlement à l'observatoire puis appelez enrol(code) ; les déclarations en attente seront alors signées avec"
            + " la nouvelle clé. / Signing key revoked: nothing is signed or sent any more. Ask the observatory for a new"
            + " enrolment code and call enrol(code); pending declarations will then be signed with the new key. Key: ";

    private final Credentials credentials;
    private final ObservatoryClient client;
    private final Database database;
    private final String siren;
    private final Clock clock;
    private final Alarms alarms;

    public KeyRevoker(Credentials credentials, ObservatoryClient client, Database database, String siren, Clock clock, Alarms alarms) {
        this.credentials = credentials;
        this.client = client;
        this.database = database;
        this.siren = siren;
        this.clock = clock;
        this.alarms = alarms;
    }

    public synchronized KeyRevocation revoke(String reason) throws KeyOperationException {
        SigningKey key = credentials.enrolledKey().orElseThrow(() -> new KeyOperationException("not-enrolled", 0,
                "Aucune clé enrôlée à révoquer / No enrolled key to revoke.", null));
        String why = reason == null || reason.isBlank() ? "revoked by the collectivité" : reason.trim();
        KeyRevocation revocation = new KeyRevocation(siren, key.kid(), why, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        KeyCallOutcome<Void> outcome = client.revokeKey(KeyMessages.revocation(key, revocation));
        if (outcome instanceof KeyCallOutcome.Refused<Void> refused && !"key-revoked".equals(refused.slug())) {
            throw new KeyOperationException(refused.slug(), refused.status(), "L'observatoire a refusé la révocation /"
                    + " The observatory refused the revocation (" + refused.description() + "); the key " + key.kid()
                    + " is still in use. " + ProblemHint.forKeys(refused.slug()), null);
        }
        if (outcome instanceof KeyCallOutcome.Unknown<Void> unknown) {
            throw new KeyOperationException("network-error", 0, "Révocation incertaine / It is not known whether the observatory"
                    + " revoked the key (" + unknown.reason() + "): call revokeKey again; revoking twice is harmless.", null);
        }
        withdraw(key, why, revocation.requestedAt());
        return revocation;
    }

    /**
     * Stops signing with {@code key}: the observatory revoked it (at our request, or on its own when the sender
     * meets {@code key-revoked}). The key file stays until the next enrolment moves it aside.
     */
    public void withdraw(SigningKey key, String reason, Instant at) {
        database.inTransaction(connection -> {
            EnrolmentTables.markRevoked(connection, key.kid(), reason, at);
            return null;
        });
        credentials.withdraw();
        alarms.raise(Alarm.Kind.KEY_REVOKED, REVOKED_ALARM + key.kid() + " (" + reason + ").", null);
        Health.LOG.log(Level.INFO, "Signing key " + key.kid() + " revoked (" + reason + ").");
    }
}
