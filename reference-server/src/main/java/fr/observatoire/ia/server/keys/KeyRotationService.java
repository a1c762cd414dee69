package fr.observatoire.ia.server.keys;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.enrolment.EnrolledKey;
import fr.observatoire.ia.server.enrolment.EnrolledKeySignatures;
import fr.observatoire.ia.server.enrolment.KeyActor;
import fr.observatoire.ia.server.enrolment.KeyEventKind;
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
 * Key rollover as ACME does it (RFC 8555 §7.3.5): the outer JWS is signed by the current key, and
 * carries an inner JWS signed by the new key, which names the old one. Both keys sign: a thief of either
 * alone cannot rotate. The old key is retired, not deleted: what it signed stays verifiable.
 */
@ApplicationScoped
public class KeyRotationService {
    private static final Logger LOG = Logger.getLogger(KeyRotationService.class);

    private final Database database;
    private final EnrolledKeySignatures signatures;
    private final SigningKeyRepository keys;
    private final TransparencyLog log;
    private final KeyEvents keyEvents;

    @Inject
    KeyRotationService(Database database, EnrolledKeySignatures signatures, SigningKeyRepository keys, TransparencyLog log,
                       KeyEvents keyEvents) {
        this.database = database;
        this.signatures = signatures;
        this.keys = keys;
        this.log = log;
        this.keyEvents = keyEvents;
    }

    /** The answer, and whether this request rotated (false: an identical retry). */
    public record Rotation(KeyRotation.Response response, boolean created) {
    }

    /** What the two JWS say, once both verify and agree. */
    private record Checked(EnrolledKeySignatures.Signer oldKey, PublicJwk newKey, String compactJws) {
    }

    public Rotation rotate(String compactJws) {
        Checked checked = check(compactJws);
        Rotation rotation = database.inTransactionRetryingOnConflict(connection -> rotate(connection, checked));
        if (rotation.created()) {
            LOG.infof("SIREN %s rotated its key %s to %s", rotation.response().siren(), rotation.response().oldKid(),
                    rotation.response().newKid());
        }
        return rotation;
    }

    private Checked check(String compactJws) {
        EnrolledKeySignatures.KeySigned outer = signatures.verify(compactJws, Jws.TYP_KEY_ROTATION);
        KeyRotation.Request request = JsonBodies.read(outer.jws().payload(), KeyRotation.Request.class, ProblemType.INVALID_KEY_ROTATION);
        if (request.newKey() == null || request.newKey().isBlank()) {
            throw new ApiProblem(ProblemType.INVALID_KEY_ROTATION, "'newKey' is required: the inner JWS, signed by the new key");
        }
        ParsedJws inner;
        PublicJwk newKey;
        try {
            inner = Jws.parse(request.newKey());
            inner.requireType(Jws.TYP_KEY_ROTATION);
            newKey = inner.requireStrongEmbeddedJwk();
            inner.verify(newKey);
        } catch (JwsException e) {
            throw ApiProblem.of(e, "the inner JWS (newKey, signed by the new key)");
        }
        KeyRotation.Inner body = JsonBodies.read(inner.payload(), KeyRotation.Inner.class, ProblemType.INVALID_KEY_ROTATION);
        if (body.siren() == null || body.oldKid() == null) {
            throw new ApiProblem(ProblemType.INVALID_KEY_ROTATION, "the inner JWS's payload needs 'siren' and 'oldKid'");
        }
        EnrolledKeySignatures.Signer oldKey = outer.signer();
        if (!oldKey.kid().equals(body.oldKid())) {
            throw new ApiProblem(ProblemType.KEY_ROTATION_MISMATCH, "the inner JWS names the old key '" + body.oldKid()
                    + "' but the outer JWS is signed by the key " + oldKey.kid());
        }
        if (!oldKey.siren().equals(body.siren())) {
            throw new ApiProblem(ProblemType.KEY_ROTATION_MISMATCH, "the inner JWS names the SIREN '" + body.siren() + "' but the key "
                    + oldKey.kid() + " is enrolled for SIREN " + oldKey.siren());
        }
        if (newKey.thumbprint().equals(oldKey.kid())) {
            throw new ApiProblem(ProblemType.KEY_ALREADY_ENROLLED, "the new key is the key being rotated out; generate a new key pair");
        }
        return new Checked(oldKey, newKey, compactJws);
    }

    private Rotation rotate(Connection connection, Checked checked) throws SQLException {
        TransparencyLog.Appender appender = log.lock(connection);
        String oldKid = checked.oldKey().kid();
        String newKid = checked.newKey().thumbprint();
        EnrolledKey old = keys.find(connection, oldKid).orElseThrow(() -> new IllegalStateException("key " + oldKid + " vanished"));
        if (old.state() == KeyState.RETIRED && old.retirement() != null && newKid.equals(old.retirement().replacedBy())) {
            // The same rotation again (its answer was lost): the same answer.
            return new Rotation(new KeyRotation.Response(old.siren(), oldKid, newKid, old.retirement().at()), false);
        }
        KeyStates.requireActive(old);
        if (keys.find(connection, newKid).isPresent()) {
            throw new ApiProblem(ProblemType.KEY_ALREADY_ENROLLED, "the new key " + newKid + " is already enrolled; generate a new key pair");
        }
        Instant now = Sql.now();
        keys.insert(connection, new EnrolledKey(newKid, old.siren(), checked.newKey(), KeyState.ACTIVE, now));
        keys.retire(connection, oldKid, now, newKid);
        keyEvents.record(connection, appender, old.siren(), KeyEventKind.ROTATION, oldKid, newKid, KeyActor.COLLECTIVITE, null, now,
                checked.compactJws());
        return new Rotation(new KeyRotation.Response(old.siren(), oldKid, newKid, now), true);
    }
}
