package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JWS signed by an enrolled key (declarations, key rotations, key revocations), in the order
 * of docs/problems.md: envelope, type, algorithm, key, signature. Nothing is trusted from the header
 * but the {@code kid}, and that only as a lookup hint: the algorithm comes from the enrolled key, and
 * callers check that the key belongs to the SIREN the payload names, and its state.
 *
 * <p>What is checked here never changes for a key (its public key and its SIREN), so enrolled keys are
 * kept in memory once read; their state, which changes, is not part of the answer: callers read it
 * under the log's lock, where rotations and revocations are serialised with everything else.
 */
@ApplicationScoped
public class EnrolledKeySignatures {
    private static final int MAX_KEPT = 100_000;

    private final Database database;
    private final SigningKeyRepository keys;
    private final Map<String, EnrolledKey> known = new ConcurrentHashMap<>();

    @Inject
    EnrolledKeySignatures(Database database, SigningKeyRepository keys) {
        this.database = database;
        this.keys = keys;
    }

    /** The enrolled key that signed a verified JWS: its kid and the SIREN it speaks for. */
    public record Signer(String kid, String siren) {
    }

    /** A verified JWS and who signed it. */
    public record KeySigned(ParsedJws jws, Signer signer) {
    }

    public KeySigned verify(String compactJws, String typ) {
        try {
            ParsedJws jws = Jws.parse(compactJws);
            jws.requireType(typ);
            if (!ParsedJws.ED25519_ALGORITHMS.contains(jws.alg())) {
                // Checked before the key lookup so that 'none' or HMAC never reach anything else.
                throw new ApiProblem(ProblemType.ALGORITHM_NOT_ACCEPTED, "the JWS 'alg' is '" + jws.alg()
                        + "'; the protocol's messages are signed with Ed25519 ('EdDSA' or 'Ed25519')");
            }
            String kid = jws.kid().orElseThrow(() -> new ApiProblem(ProblemType.MALFORMED_JWS,
                    "this JWS names its signing key in the 'kid' header (the key's RFC 7638 thumbprint)"));
            EnrolledKey key = enrolled(kid).orElseThrow(() -> new ApiProblem(ProblemType.UNKNOWN_KEY,
                    "no enrolled key has the kid '" + kid + "'; enrol the key first"));
            jws.verify(key.publicKey());
            return new KeySigned(jws, new Signer(key.kid(), key.siren()));
        } catch (JwsException e) {
            throw ApiProblem.of(e);
        }
    }

    private Optional<EnrolledKey> enrolled(String kid) {
        EnrolledKey kept = known.get(kid);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<EnrolledKey> read = database.read(connection -> keys.find(connection, kid));
        read.ifPresent(key -> {
            if (known.size() >= MAX_KEPT) {
                known.clear();
            }
            known.put(kid, key);
        });
        return read;
    }
}
