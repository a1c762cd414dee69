package fr.observatoire.ia.sdk.internal.enrol;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.KeyOperationException;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.sign.Resigning;
import fr.observatoire.ia.sdk.internal.sign.SigningKeyFile;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.EnrolmentTables;
import fr.observatoire.ia.sdk.internal.transport.KeyCallOutcome;
import fr.observatoire.ia.sdk.internal.transport.ObservatoryClient;
import fr.observatoire.ia.sdk.internal.trust.Alarms;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Key rotation, crash-safe in three steps:
 * <ol>
 *   <li>the new key is written as {@code signing-key.next.jwk} (durably) before the rollover leaves;</li>
 *   <li>the observatory accepts the rollover (signed by both keys);</li>
 *   <li>one store transaction enrols the new key, retires the old one and re-signs the pending declarations;
 *       then the files are switched (the old key kept as {@code signing-key.<kid>.retired.jwk}).</li>
 * </ol>
 * A stop after step 3's transaction is finished at the next start by {@link Credentials#load}. A stop between 1
 * and 3, or an answer lost on the way, leaves the next file: {@link #resume()} sends the same rollover (same two
 * keys) again, and the observatory's answer settles it: 201 or 200 (it applied this rollover), or
 * {@code key-already-enrolled} (the new key is enrolled, and only this SDK holds it), or {@code key-retired} (the
 * old key was retired: it is unusable either way, so the SDK switches to the new key; if the observatory did not
 * enrol it, the next declaration is refused as {@code unknown-key} and quarantined with the advice to enrol again).
 */
public final class KeyRotator {
    private static final Set<String> ALREADY_ROTATED = Set.of("key-already-enrolled", "key-retired");

    private final Credentials credentials;
    private final ObservatoryClient client;
    private final Database database;
    private final String siren;
    private final Clock clock;
    private final Alarms alarms;
    private final Runnable onKeyChanged;

    public KeyRotator(Credentials credentials, ObservatoryClient client, Database database, String siren, Clock clock,
                      Alarms alarms, Runnable onKeyChanged) {
        this.credentials = credentials;
        this.client = client;
        this.database = database;
        this.siren = siren;
        this.clock = clock;
        this.alarms = alarms;
        this.onKeyChanged = onKeyChanged;
    }

    /** Whether a rotation waits for the observatory's answer (cheap: a file's existence). */
    public boolean pending() {
        return credentials.keyFile().hasNext();
    }

    /** Rotates the key; finishes an interrupted rotation instead if there is one. */
    public synchronized KeyRotation.Response rotate() throws KeyOperationException {
        SigningKey current = currentKey();
        SigningKeyFile files = credentials.keyFile();
        try {
            if (files.loadNext().isPresent()) {
                return resume().orElseThrow();
            }
            SigningKey next = SigningKey.generate();
            files.writeNext(next);
            return complete(current, next, false);
        } catch (IOException e) {
            throw new KeyOperationException("local-error", 0, "La nouvelle clé ne peut être écrite / The new key cannot be"
                    + " written to the data directory (" + e.getMessage() + "); nothing was sent, the current key stays.", e);
        }
    }

    /** Finishes a rotation interrupted before the local switch; empty when none is pending. */
    public synchronized Optional<KeyRotation.Response> resume() throws KeyOperationException {
        Optional<SigningKey> next;
        try {
            next = credentials.keyFile().loadNext();
        } catch (IOException e) {
            throw new KeyOperationException("local-error", 0, "La clé de rotation est illisible / " + e.getMessage(), e);
        }
        if (next.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(complete(currentKey(), next.get(), true));
    }

    private SigningKey currentKey() throws KeyOperationException {
        return credentials.enrolledKey().orElseThrow(() -> new KeyOperationException("not-enrolled", 0,
                "Aucune clé enrôlée à remplacer / No enrolled key to rotate: enrol first (enrol(code)).", null));
    }

    private KeyRotation.Response complete(SigningKey current, SigningKey next, boolean resuming) throws KeyOperationException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        KeyCallOutcome<KeyRotation.Response> outcome = client.rotateKey(KeyMessages.rollover(siren, current, next, now));
        KeyRotation.Response response;
        if (outcome instanceof KeyCallOutcome.Done<KeyRotation.Response> done) {
            response = done.answer();
            if (!next.kid().equals(response.newKid()) || !current.kid().equals(response.oldKid()) || !siren.equals(response.siren())) {
                throw new KeyOperationException("unexpected-response", done.status(), "L'observatoire a répondu pour d'autres clés /"
                        + " The observatory answered the rotation for other keys (" + response + "); the current key "
                        + current.kid() + " stays and " + SigningKeyFile.NEXT_FILE_NAME + " is kept. Contact the observatory.", null);
            }
        } else if (outcome instanceof KeyCallOutcome.Refused<KeyRotation.Response> refused
                && resuming && ALREADY_ROTATED.contains(refused.slug())) {
            response = new KeyRotation.Response(siren, current.kid(), next.kid(), now);
            Health.LOG.log(Level.INFO, "The observatory answered " + refused.slug() + " to the repeated key rotation: it was"
                    + " applied before the interruption; switching to " + next.kid() + ".");
        } else if (outcome instanceof KeyCallOutcome.Refused<KeyRotation.Response> refused) {
            abandon(next);
            throw new KeyOperationException(refused.slug(), refused.status(), "L'observatoire a refusé la rotation de clé /"
                    + " The observatory refused the key rotation (" + refused.description() + "). The current key "
                    + current.kid() + " stays in use. " + ProblemHint.forKeys(refused.slug()), null);
        } else {
            String reason = ((KeyCallOutcome.Unknown<KeyRotation.Response>) outcome).reason();
            throw new KeyOperationException("network-error", 0, "Rotation de clé inachevée / The key rotation did not complete ("
                    + reason + "). The new key is kept as " + SigningKeyFile.NEXT_FILE_NAME + " and the SDK finishes the"
                    + " rotation by itself when the observatory answers; until then the current key " + current.kid()
                    + " is used.", null);
        }
        switchTo(current, next, response);
        return response;
    }

    private void abandon(SigningKey next) {
        try {
            credentials.keyFile().deleteNext();
        } catch (IOException e) {
            Health.LOG.log(Level.WARNING, "Could not delete the refused next key " + next.kid() + ": " + e.getMessage());
        }
    }

    private void switchTo(SigningKey current, SigningKey next, KeyRotation.Response response) throws KeyOperationException {
        Instant at = response.rotatedAt() == null ? clock.instant() : response.rotatedAt();
        int resigned;
        try {
            resigned = database.inTransaction(connection -> {
                String url = EnrolmentTables.find(connection, current.kid()).map(EnrolmentResponse::declarationsUrl).orElse(null);
                EnrolmentTables.save(connection, new EnrolmentResponse(siren, next.kid(), at, url), at);
                EnrolmentTables.markRetired(connection, current.kid(), at);
                return Resigning.resignPending(connection, next);
            });
            credentials.keyFile().promoteNext(current);
        } catch (IOException | RuntimeException e) {
            throw new KeyOperationException("local-error", 200, "L'observatoire a accepté la nouvelle clé mais le changement local"
                    + " a échoué / The observatory accepted the new key but the local switch failed (" + e.getMessage() + ")."
                    + " Keep " + SigningKeyFile.NEXT_FILE_NAME + ": the SDK finishes the switch at its next start.", e);
        }
        credentials.enrolled(next);
        alarms.clear(Alarm.Kind.KEY_RETIRED, "The key rotation is complete: the alarm about the retired key is cleared.");
        Health.LOG.log(Level.INFO, "Signing key rotated: " + current.kid() + " retired, " + next.kid() + " in use; "
                + resigned + " pending declaration(s) re-signed with the new key.");
        onKeyChanged.run();
    }
}
