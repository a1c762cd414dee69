package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.jose.Base64Url;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.problem.ProblemType;

import java.util.Map;

/**
 * The public key an enrolment JWS carries in its {@code jwk} header, refused unless it is a canonical
 * Ed25519 point of prime order (verifiers disagree on the others).
 */
final class EmbeddedKeys {
    private static final int ED25519_KEY_BYTES = 32;

    private EmbeddedKeys() {
    }

    static PublicJwk of(ParsedJws jws) {
        PublicJwk key;
        try {
            key = jws.embeddedJwk().orElseThrow(() -> new ApiProblem(ProblemType.MALFORMED_JWS,
                    "an enrolment JWS carries the public key being enrolled in its 'jwk' header"));
        } catch (JwsException e) {
            // Bouncy Castle already refuses some weak points (low order) when the key is built: a well-formed
            // 32-byte Ed25519 JWK that cannot be built is a weak key, not a malformed header.
            throw isWellFormedEd25519Jwk(jws.header().get("jwk")) ? weakKey() : ApiProblem.of(e);
        }
        if (!key.isFullyValid()) {
            throw weakKey();
        }
        return key;
    }

    private static boolean isWellFormedEd25519Jwk(Object jwk) {
        if (!(jwk instanceof Map<?, ?> map) || !"OKP".equals(map.get("kty")) || !"Ed25519".equals(map.get("crv"))
                || map.containsKey("d") || !(map.get("x") instanceof String x)) {
            return false;
        }
        try {
            return Base64Url.decode(x).length == ED25519_KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ApiProblem weakKey() {
        return new ApiProblem(ProblemType.WEAK_KEY, "the public key is not a canonical Ed25519 point of prime order "
                + "(low-order and mixed-order keys are refused); generate a new key pair");
    }
}
