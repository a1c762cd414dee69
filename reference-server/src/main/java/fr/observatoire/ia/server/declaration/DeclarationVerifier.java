package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.enrolment.EnrolledKey;
import fr.observatoire.ia.server.enrolment.KeyState;
import fr.observatoire.ia.server.enrolment.SigningKeyRepository;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.problem.ProblemType;
import fr.observatoire.ia.server.web.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks a declaration JWS, in the order of the protocol (docs/problems.md): envelope, type, algorithm,
 * key, signature, content, signer. Nothing is trusted from the header but the {@code kid}, and that only
 * as a lookup hint: the algorithm comes from the enrolled key, and the key must belong to the declarant
 * the signed payload names.
 */
@ApplicationScoped
public class DeclarationVerifier {
    private final Database database;
    private final SigningKeyRepository keys;

    @Inject
    DeclarationVerifier(Database database, SigningKeyRepository keys) {
        this.database = database;
        this.keys = keys;
    }

    VerifiedDeclaration verify(String compactJws) {
        ParsedJws jws;
        EnrolledKey key;
        try {
            jws = Jws.parse(compactJws);
            jws.requireType(Jws.TYP_DECLARATION);
            if (!ParsedJws.ED25519_ALGORITHMS.contains(jws.alg())) {
                // Checked before the key lookup so that 'none' or HMAC never reach anything else.
                throw new ApiProblem(ProblemType.ALGORITHM_NOT_ACCEPTED, "the JWS 'alg' is '" + jws.alg()
                        + "'; declarations are signed with Ed25519 ('EdDSA' or 'Ed25519')");
            }
            String kid = jws.kid().orElseThrow(() -> new ApiProblem(ProblemType.MALFORMED_JWS,
                    "a declaration JWS names its signing key in the 'kid' header (the key's RFC 7638 thumbprint)"));
            key = database.read(connection -> keys.find(connection, kid)).orElseThrow(() -> new ApiProblem(ProblemType.UNKNOWN_KEY,
                    "no enrolled key has the kid '" + kid + "'; enrol the key first"));
            jws.verify(key.publicKey());
        } catch (JwsException e) {
            throw ApiProblem.of(e);
        }
        String payloadJson = JsonBodies.requireUtf8(jws.payload());
        Declaration declaration = JsonBodies.read(jws.payload(), Declaration.class, ProblemType.INVALID_DECLARATION);
        if (!key.siren().equals(declaration.declarant().siren())) {
            throw new ApiProblem(ProblemType.KEY_DECLARANT_MISMATCH, "the key " + key.kid() + " is enrolled for SIREN " + key.siren()
                    + ", but the declaration is made for SIREN " + declaration.declarant().siren());
        }
        if (key.state() != KeyState.ACTIVE) {
            throw new ApiProblem(ProblemType.KEY_REVOKED, "the key " + key.kid() + " is " + key.state().name().toLowerCase()
                    + "; sign with the collectivité's current key");
        }
        return new VerifiedDeclaration(compactJws, payloadJson, Hashes.declarationHash(jws.payload()), declaration, key);
    }
}
