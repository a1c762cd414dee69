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

    /**
     * The public key a proof-of-possession message (enrolment, the inner JWS of a key rotation) carries in
     * its {@code jwk} header, which must be there and pass Bouncy Castle's full validation.
     *
     * @throws JwsException {@link JwsException.Reason#MALFORMED} when the header is absent or not an Ed25519
     *                      public JWK; {@link JwsException.Reason#WEAK_KEY} when it is a well-formed 32-byte key
     *                      that is not a canonical point of prime order (low-order and mixed-order keys,
     *                      some of which Bouncy Castle already refuses to build)
     */
    public PublicJwk requireStrongEmbeddedJwk() throws JwsException {
        Object jwk = header.get("jwk");
        if (jwk == null) {
            throw new JwsException(JwsException.Reason.MALFORMED, "this JWS carries the public key it proves possession of in its 'jwk' header");
        }
        PublicJwk key;
        try {
            key = embeddedJwk().orElseThrow();
        } catch (JwsException e) {
            throw isWellFormedEd25519Jwk(jwk) ? weakKey() : e;
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
            return Base64Url.decode(x).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JwsException weakKey() {
        return new JwsException(JwsException.Reason.WEAK_KEY, "the public key is not a canonical Ed25519 point of prime order "
                + "(low-order and mixed-order keys are refused); generate a new key pair");
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
