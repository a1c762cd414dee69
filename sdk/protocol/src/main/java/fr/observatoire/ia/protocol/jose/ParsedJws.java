package fr.observatoire.ia.protocol.jose;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A decoded, not yet verified, compact JWS.
 *
 * @param header       protected header
 * @param payload      payload bytes, exactly as signed
 * @param signingInput ASCII bytes of {@code base64url(header).base64url(payload)}
 * @param signature    signature bytes
 */
public record ParsedJws(Map<String, Object> header, byte[] payload, byte[] signingInput, byte[] signature) {
    /** The two registered names of Ed25519 signing in JOSE: RFC 8037's {@code EdDSA} and RFC 9864's {@code Ed25519}. */
    public static final Set<String> ED25519_ALGORITHMS = Set.of("EdDSA", "Ed25519");

    public ParsedJws {
        header = Map.copyOf(header);
    }

    public String alg() {
        return (String) header.get("alg");
    }

    public Optional<String> kid() {
        return header.get("kid") instanceof String kid ? Optional.of(kid) : Optional.empty();
    }

    public Optional<String> typ() {
        return header.get("typ") instanceof String typ ? Optional.of(typ) : Optional.empty();
    }

    /** The public key embedded in the header, for proof-of-possession messages. */
    @SuppressWarnings("unchecked")
    public Optional<PublicJwk> embeddedJwk() throws JwsException {
        Object jwk = header.get("jwk");
        if (jwk == null) {
            return Optional.empty();
        }
        if (!(jwk instanceof Map<?, ?> map)) {
            throw new JwsException(JwsException.Reason.MALFORMED, "the 'jwk' header is not a JSON object");
        }
        try {
            return Optional.of(PublicJwk.fromJwk((Map<String, ?>) map));
        } catch (IllegalArgumentException e) {
            throw new JwsException(JwsException.Reason.MALFORMED, "the 'jwk' header: " + e.getMessage());
        }
    }

    /** Refuses a JWS made for another purpose (an enrolment replayed as a declaration, say). */
    public void requireType(String expected) throws JwsException {
        if (!typ().filter(expected::equals).isPresent()) {
            throw new JwsException(JwsException.Reason.WRONG_TYPE,
                    "the JWS 'typ' must be '" + expected + "', was '" + header.get("typ") + "'");
        }
    }

    /**
     * Verifies with {@code key}. The algorithm comes from the key (Ed25519); the header's {@code alg}
     * is only checked to be a name of it.
     */
    public void verify(PublicJwk key) throws JwsException {
        if (!ED25519_ALGORITHMS.contains(alg())) {
            throw new JwsException(JwsException.Reason.ALGORITHM_NOT_ACCEPTED,
                    "the JWS 'alg' is '" + alg() + "'; the enrolled key is Ed25519, so only 'EdDSA' or 'Ed25519' is accepted");
        }
        if (!key.verify(signingInput, signature)) {
            throw new JwsException(JwsException.Reason.SIGNATURE_INVALID,
                    "the signature does not verify with the key " + key.thumbprint());
        }
    }
}
