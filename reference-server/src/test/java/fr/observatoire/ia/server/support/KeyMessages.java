package fr.observatoire.ia.server.support;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import io.restassured.response.Response;

import java.time.Instant;

/** Key rotation and revocation messages, built as the protocol describes them (docs/protocol.md). */
public final class KeyMessages {
    private KeyMessages() {
    }

    /** The inner JWS: signed by {@code newKey}, its public key in the 'jwk' header. */
    public static String inner(SigningKey newKey, String siren, String oldKid) {
        return Jws.signWithEmbeddedKey(newKey, Jws.TYP_KEY_ROTATION, ProtocolJson.write(new KeyRotation.Inner(siren, oldKid, Instant.now())));
    }

    /** The outer JWS: signed by {@code oldKey} (kid header), carrying {@code inner}. */
    public static String outer(SigningKey oldKey, String inner) {
        return Jws.sign(oldKey, Jws.TYP_KEY_ROTATION, ProtocolJson.write(new KeyRotation.Request(inner)));
    }

    public static String rotation(SigningKey oldKey, SigningKey newKey, String siren) {
        return outer(oldKey, inner(newKey, siren, oldKey.kid()));
    }

    public static String revocation(SigningKey signer, String siren, String kid, String reason) {
        return Jws.sign(signer, Jws.TYP_KEY_REVOCATION, ProtocolJson.write(new KeyRevocation(siren, kid, reason, Instant.now())));
    }

    public static Response rotate(String jws) {
        return ObservatoireClient.postJose("/api/v1/keys/rotations", jws);
    }

    public static Response revoke(String jws) {
        return ObservatoireClient.postJose("/api/v1/keys/revocations", jws);
    }
}
