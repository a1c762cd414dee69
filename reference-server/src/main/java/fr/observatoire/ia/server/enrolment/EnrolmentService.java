package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.model.Identifiers;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.protocol.messages.EnrolmentRequest;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.db.Sql;
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
 * Enrolment: a collectivité proves it holds the private key of the public key it sends (the JWS is
 * signed by it) and that the observatory gave it the code (the code is in the signed payload).
 */
@ApplicationScoped
public class EnrolmentService {
    private static final Logger LOG = Logger.getLogger(EnrolmentService.class);

    /** The same answer for an unknown code, a code of another SIREN and an unknown SIREN: which SIRENs are registered is not told. */
    private static final String INVALID_CODE = "this enrolment code is not valid for this SIREN; ask the observatory for a new one";

    private final Database database;
    private final EnrolmentCodeRepository codes;
    private final SigningKeyRepository keys;
    private final TransparencyLog log;
    private final KeyEvents keyEvents;

    @Inject
    EnrolmentService(Database database, EnrolmentCodeRepository codes, SigningKeyRepository keys, TransparencyLog log,
                     KeyEvents keyEvents) {
        this.database = database;
        this.codes = codes;
        this.keys = keys;
        this.log = log;
        this.keyEvents = keyEvents;
    }

    /** The result: the enrolled key, and whether this request enrolled it (false: an identical retry). */
    public record Enrolment(EnrolledKey key, boolean created) {
    }

    public Enrolment enrol(String compactJws) {
        ParsedJws jws;
        PublicJwk key;
        try {
            jws = Jws.parse(compactJws);
            jws.requireType(Jws.TYP_ENROLMENT);
            key = jws.requireStrongEmbeddedJwk();
            jws.verify(key);
        } catch (JwsException e) {
            throw ApiProblem.of(e);
        }
        EnrolmentRequest request = JsonBodies.read(jws.payload(), EnrolmentRequest.class, ProblemType.INVALID_ENROLMENT_REQUEST);
        if (!Identifiers.isValidSiren(request.siren())) {
            throw new ApiProblem(ProblemType.INVALID_ENROLMENT_REQUEST, "'siren' must be 9 digits with a valid Luhn key, was '" + request.siren() + "'");
        }
        if (request.enrolmentCode() == null || request.enrolmentCode().isBlank()) {
            throw new ApiProblem(ProblemType.INVALID_ENROLMENT_REQUEST, "'enrolmentCode' is required");
        }
        Enrolment enrolment = database.inTransactionRetryingOnConflict(connection -> enrol(connection, request, key));
        if (enrolment.created()) {
            LOG.infof("enrolled key %s for SIREN %s", enrolment.key().kid(), enrolment.key().siren());
        }
        return enrolment;
    }

    private Enrolment enrol(Connection connection, EnrolmentRequest request, PublicJwk key) throws SQLException {
        // First, as every writer of the log: an enrolment is a key event, appended to the log.
        TransparencyLog.Appender appender = log.lock(connection);
        String codeHash = EnrolmentCodes.hash(request.enrolmentCode());
        StoredCode code = codes.find(connection, codeHash)
                .filter(c -> c.siren().equals(request.siren()))
                .orElseThrow(() -> new ApiProblem(ProblemType.ENROLMENT_CODE_INVALID, INVALID_CODE));
        return switch (code.state()) {
            case USED -> retryOf(connection, code, key);
            case SUPERSEDED -> throw new ApiProblem(ProblemType.ENROLMENT_CODE_INVALID,
                    "this enrolment code was replaced by a newer one; use the latest code the observatory gave");
            case PENDING -> firstUse(connection, appender, code, key);
        };
    }

    /** The same key sent again with its code (the first answer was lost): the same enrolment, not an error. */
    private Enrolment retryOf(Connection connection, StoredCode code, PublicJwk key) throws SQLException {
        if (!key.thumbprint().equals(code.usedByKid())) {
            throw new ApiProblem(ProblemType.ENROLMENT_CODE_USED,
                    "this enrolment code was already used to enrol another key; ask the observatory for a new code");
        }
        EnrolledKey enrolled = keys.find(connection, code.usedByKid())
                .orElseThrow(() -> new IllegalStateException("code " + code.codeHash() + " names key " + code.usedByKid() + ", which is not stored"));
        return new Enrolment(enrolled, false);
    }

    private Enrolment firstUse(Connection connection, TransparencyLog.Appender appender, StoredCode code, PublicJwk key) throws SQLException {
        Instant now = Sql.now();
        if (code.isExpired(now)) {
            throw new ApiProblem(ProblemType.ENROLMENT_CODE_EXPIRED,
                    "this enrolment code expired at " + code.expiresAt() + "; ask the observatory for a new one");
        }
        if (keys.find(connection, key.thumbprint()).isPresent()) {
            throw new ApiProblem(ProblemType.KEY_ALREADY_ENROLLED,
                    "the key " + key.thumbprint() + " is already enrolled; generate a new key pair for a new enrolment");
        }
        EnrolledKey enrolled = new EnrolledKey(key.thumbprint(), code.siren(), key, KeyState.ACTIVE, now);
        keys.insert(connection, enrolled);
        if (!codes.markUsed(connection, code.codeHash(), enrolled.kid(), now)) {
            // Another enrolment used the code between our read and this update; ours is rolled back.
            throw new ApiProblem(ProblemType.ENROLMENT_CODE_USED, "this enrolment code was just used by another request");
        }
        keyEvents.record(connection, appender, enrolled.siren(), KeyEventKind.ENROLMENT, enrolled.kid(), null, KeyActor.COLLECTIVITE, null,
                now, KeyEventStatement.enrolment(enrolled).text());
        return new Enrolment(enrolled, true);
    }
}
