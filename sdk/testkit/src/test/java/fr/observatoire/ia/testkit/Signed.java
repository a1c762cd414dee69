package fr.observatoire.ia.testkit;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.jose.Base64Url;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.EnrolmentRequest;
import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.protocol.messages.KeyRotation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signed messages as a collectivité's client makes them, and as an attacker or a buggy client might. */
final class Signed {
    private Signed() {
    }

    static String enrolment(SigningKey key, String siren, String code) {
        return Jws.signWithEmbeddedKey(key, Jws.TYP_ENROLMENT,
                ProtocolJson.write(new EnrolmentRequest(siren, code, Instant.parse("2026-11-26T09:00:00Z"))));
    }

    /** An ACME-style rollover: the inner JWS by the new key (its jwk in the header) naming {@code oldKid}, the outer by {@code signer}. */
    static String rotation(SigningKey signer, SigningKey newKey, String siren, String oldKid) {
        String inner = Jws.signWithEmbeddedKey(newKey, Jws.TYP_KEY_ROTATION,
                ProtocolJson.write(new KeyRotation.Inner(siren, oldKid, Instant.parse("2026-11-24T09:00:00Z"))));
        return Jws.sign(signer, Jws.TYP_KEY_ROTATION, ProtocolJson.write(new KeyRotation.Request(inner)));
    }

    /** A revocation of {@code kid}, signed by {@code signer}. */
    static String revocation(SigningKey signer, String siren, String kid, String reason) {
        return Jws.sign(signer, Jws.TYP_KEY_REVOCATION,
                ProtocolJson.write(new KeyRevocation(siren, kid, reason, Instant.parse("2026-11-24T09:00:00Z"))));
    }

    static String declaration(SigningKey key, Declaration declaration) {
        return Jws.sign(key, Jws.TYP_DECLARATION, ProtocolJson.write(declaration));
    }

    static String declaration(SigningKey key, byte[] payload) {
        return Jws.sign(key, Jws.TYP_DECLARATION, payload);
    }

    /** A JWS with this protected header over this payload, signed by {@code key}. */
    static String withHeader(SigningKey key, Map<String, Object> header, byte[] payload) {
        return Jws.sign(key, new LinkedHashMap<>(header), payload);
    }

    /** An unsecured JWS (RFC 7515 appendix A.5): alg none and an empty signature. */
    static String unsecured(String kid, byte[] payload) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "none");
        header.put("typ", Jws.TYP_DECLARATION);
        header.put("kid", kid);
        return Base64Url.encode(ProtocolJson.write(header)) + "." + Base64Url.encode(payload) + ".";
    }

    /** The same JWS with its payload replaced and its signature kept. */
    static String tampered(String jws, byte[] otherPayload) {
        String[] parts = jws.split("\\.");
        return parts[0] + "." + Base64Url.encode(otherPayload) + "." + parts[2];
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
