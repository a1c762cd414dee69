package fr.observatoire.ia.server.keys;

import fr.observatoire.ia.model.Identifiers;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.enrolment.EnrolledKey;
import fr.observatoire.ia.server.enrolment.EnrolledKeySignatures;
import fr.observatoire.ia.server.enrolment.KeyActor;
import fr.observatoire.ia.server.enrolment.KeyEventKind;
import fr.observatoire.ia.server.enrolment.KeyEventStatement;
import fr.observatoire.ia.server.enrolment.KeyEvents;
import fr.observatoire.ia.server.enrolment.KeyState;
import fr.observatoire.ia.server.enrolment.KeyStates;
import fr.observatoire.ia.server.enrolment.SigningKeyRepository;
import fr.observatoire.ia.server.log.TransparencyLog;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.web.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Revocation of a key, by the collectivité (a JWS signed by that key, or by another of its active
 * keys) or by the observatory's administrator. New declarations signed by it are refused from then on;
 * what it signed before stays stored, verifiable and receipted. Revoking a revoked key changes nothing.
 */
@ApplicationScoped
public class KeyRevocationService {
    static final int MAX_REASON_LENGTH = 500;
    private static final Logger LOG = Logger.getLogger(KeyRevocationService.class);

    private final Database database;
    private final EnrolledKeySignatures signatures;
    private final SigningKeyRepository keys;
    private final TransparencyLog log;
    private final KeyEvents keyEvents;

    @Inject
    KeyRevocationService(Database database, EnrolledKeySignatures signatures, SigningKeyRepository keys, TransparencyLog log,
                         KeyEvents keyEvents) {
        this.database = database;
        this.signatures = signatures;
        this.keys = keys;
        this.log = log;
        this.keyEvents = keyEvents;
    }

    /** Revocation asked by the collectivité, with a JWS {@code observatoire-key-revocation+jws}. */
    public KeyStatus revokeByCollectivite(String compactJws) {
        EnrolledKeySignatures.KeySigned signed = signatures.verify(compactJws, Jws.TYP_KEY_REVOCATION);
        KeyRevocation request = JsonBodies.read(signed.jws().payload(), KeyRevocation.class, ProblemType.INVALID_KEY_REVOCATION);
        if (request.siren() == null || request.kid() == null) {
            throw new ApiProblem(ProblemType.INVALID_KEY_REVOCATION, "a revocation names the 'siren' and the 'kid' of the key to revoke");
        }
        String reason = checkReason(request.reason(), ProblemType.INVALID_KEY_REVOCATION);
        String signer = signed.signer().kid();
        if (!signed.signer().siren().equals(request.siren())) {
            throw new ApiProblem(ProblemType.KEY_DECLARANT_MISMATCH, "the key " + signer + " is enrolled for SIREN " + signed.signer().siren()
                    + ", but the revocation is made for SIREN " + request.siren());
        }
        return database.inTransactionRetryingOnConflict(connection -> {
            TransparencyLog.Appender appender = log.lock(connection);
            EnrolledKey target = keys.find(connection, request.kid()).orElseThrow(() -> new ApiProblem(ProblemType.UNKNOWN_KEY,
                    "no enrolled key has the kid '" + request.kid() + "'"));
            if (!target.siren().equals(request.siren())) {
                throw new ApiProblem(ProblemType.KEY_DECLARANT_MISMATCH, "the key " + target.kid() + " is not a key of SIREN " + request.siren());
            }
            if (target.state() == KeyState.REVOKED) {
                return KeyStatus.of(target);
            }
            if (!signer.equals(target.kid())) {
                // A key may always revoke itself (even retired); revoking another key takes an active one.
                KeyStates.requireActive(keys.lifecycle(connection, signer).orElseThrow());
            }
            return revoke(connection, appender, target, KeyActor.COLLECTIVITE, reason, compactJws);
        });
    }

    /** Revocation decided by the observatory (a lost key reported by phone, a compromise it detected...). */
    public KeyStatus revokeByObservatory(String siren, String kid, String reason) {
        if (!Identifiers.isValidSiren(siren)) {
            throw new ApiProblem(ProblemType.INVALID_PARAMETER, "'" + siren + "' is not a SIREN (9 digits with a valid Luhn key)");
        }
        String checkedReason = checkReason(reason, ProblemType.INVALID_REQUEST);
        if (checkedReason == null) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "'reason' is required: it is published with the revocation in the log");
        }
        return database.inTransactionRetryingOnConflict(connection -> {
            TransparencyLog.Appender appender = log.lock(connection);
            EnrolledKey target = keys.find(connection, kid).filter(key -> key.siren().equals(siren))
                    .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "SIREN " + siren + " has no key '" + kid + "'"));
            if (target.state() == KeyState.REVOKED) {
                return KeyStatus.of(target);
            }
            return revoke(connection, appender, target, KeyActor.OBSERVATORY, checkedReason, null);
        });
    }

    /** {@code collectiviteJws}: the collectivité's signed request, logged as is; null when the observatory decides (its statement is logged). */
    private KeyStatus revoke(Connection connection, TransparencyLog.Appender appender, EnrolledKey target, KeyActor actor, String reason,
                             String collectiviteJws) throws SQLException {
        Instant now = Sql.now();
        EnrolledKey.Revocation revocation = new EnrolledKey.Revocation(now, actor, reason);
        keys.revoke(connection, target.kid(), revocation);
        String logged = collectiviteJws != null ? collectiviteJws : KeyEventStatement.revocationByObservatory(target, reason, now).text();
        keyEvents.record(connection, appender, target.siren(), KeyEventKind.REVOCATION, target.kid(), null, actor, reason, now, logged);
        LOG.infof("key %s of SIREN %s revoked by the %s", target.kid(), target.siren(), actor == KeyActor.OBSERVATORY ? "observatory" : "collectivité");
        return KeyStatus.of(keys.find(connection, target.kid()).orElseThrow());
    }

    private static String checkReason(String reason, ProblemType invalid) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new ApiProblem(invalid, "'reason' is at most " + MAX_REASON_LENGTH + " characters, was " + reason.length());
        }
        return reason.strip();
    }
}
