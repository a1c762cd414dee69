package fr.observatoire.ia.protocol.jose;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JWS compact serialization (RFC 7515) with Ed25519 (RFC 8037), the envelope of every signed message
 * of the protocol.
 *
 * <p>Signing writes {@code alg: EdDSA}. Verification takes the algorithm from the key it is given
 * (always Ed25519), never from the header: the header's {@code alg} must only be one of the two
 * names of that algorithm, {@code EdDSA} or {@code Ed25519} (RFC 9864); {@code none}, HMAC, RSA or
 * anything else is refused, and so is any {@code crit} header (we understand no extension).
 */
public final class Jws {
    /** Media type of a compact JWS body (RFC 7515 §9.2.1). */
    public static final String MEDIA_TYPE = "application/jose";
    public static final String TYP_DECLARATION = "observatoire-declaration+jws";
    public static final String TYP_ENROLMENT = "observatoire-enrolment+jws";
    public static final String TYP_KEY_ROTATION = "observatoire-key-rotation+jws";
    public static final String TYP_KEY_REVOCATION = "observatoire-key-revocation+jws";

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private Jws() {
    }

    /** Signs {@code payload} with {@code kid} = the key's thumbprint in the protected header. */
    public static String sign(SigningKey key, String typ, byte[] payload) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", typ);
        header.put("kid", key.kid());
        return sign(key, header, payload);
    }

    /** Signs with the public JWK embedded in the header: proof of possession at enrolment (as ACME's newAccount). */
    public static String signWithEmbeddedKey(SigningKey key, String typ, byte[] payload) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", typ);
        header.put("jwk", key.publicJwk().toJwk());
        return sign(key, header, payload);
    }

    /** Signs with an arbitrary protected header (it must name its {@code alg}). */
    public static String sign(SigningKey key, Map<String, Object> header, byte[] payload) {
        String signingInput = Base64Url.encode(ProtocolJson.write(header)) + "." + Base64Url.encode(payload);
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64Url.encode(signature);
    }

    /**
     * Splits and decodes a compact JWS without verifying it. Refuses anything that is not three
     * base64url parts with a JSON object header, and any {@code crit} header.
     */
    public static ParsedJws parse(String compact) throws JwsException {
        if (compact == null || compact.isEmpty()) {
            throw new JwsException(JwsException.Reason.MALFORMED, "the body is empty: expected a compact JWS");
        }
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (first < 0 || second < 0 || compact.indexOf('.', second + 1) >= 0) {
            throw new JwsException(JwsException.Reason.MALFORMED,
                    "a compact JWS has exactly three base64url parts separated by '.' (header.payload.signature)");
        }
        byte[] headerBytes;
        byte[] payload;
        byte[] signature;
        try {
            headerBytes = Base64Url.decode(compact.substring(0, first));
            payload = Base64Url.decode(compact.substring(first + 1, second));
            signature = Base64Url.decode(compact.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new JwsException(JwsException.Reason.MALFORMED, "a JWS part is not base64url: " + e.getMessage());
        }
        Map<String, Object> header;
        try {
            header = ProtocolJson.mapper().readValue(headerBytes, MAP);
        } catch (Exception e) {
            throw new JwsException(JwsException.Reason.MALFORMED, "the JWS protected header is not a JSON object");
        }
        if (header.containsKey("crit")) {
            throw new JwsException(JwsException.Reason.CRITICAL_HEADER_UNSUPPORTED,
                    "the JWS header lists critical extensions " + header.get("crit") + "; this protocol understands none");
        }
        if (!(header.get("alg") instanceof String)) {
            throw new JwsException(JwsException.Reason.MALFORMED, "the JWS header has no 'alg'");
        }
        return new ParsedJws(header, payload, compact.substring(0, second).getBytes(StandardCharsets.US_ASCII), signature);
    }

    /** Decodes the payload of a verified JWS as JSON. */
    public static <T> T payload(ParsedJws jws, Class<T> type) throws InvalidJsonException {
        return ProtocolJson.read(jws.payload(), type);
    }
}
