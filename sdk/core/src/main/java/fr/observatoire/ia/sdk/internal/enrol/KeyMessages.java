package fr.observatoire.ia.sdk.internal.enrol;

import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.protocol.messages.KeyRotation;

import java.time.Instant;

/** The signed messages of the key lifecycle (docs/protocol.md). */
final class KeyMessages {
    private KeyMessages() {
    }

    /**
     * An ACME-style rollover (RFC 8555 §7.3.5): the inner JWS, signed by the new key with its public JWK in the
     * header, names the SIREN and the old key; the outer JWS, signed by the old key, carries it. Neither a thief
     * of the old key alone nor of the new key alone can rotate.
     */
    static String rollover(String siren, SigningKey oldKey, SigningKey newKey, Instant now) {
        String inner = Jws.signWithEmbeddedKey(newKey, Jws.TYP_KEY_ROTATION,
                ProtocolJson.write(new KeyRotation.Inner(siren, oldKey.kid(), now)));
        return Jws.sign(oldKey, Jws.TYP_KEY_ROTATION, ProtocolJson.write(new KeyRotation.Request(inner)));
    }

    /** A revocation, signed by the key it revokes (proof that the collectivité, not a third party, asks for it). */
    static String revocation(SigningKey key, KeyRevocation revocation) {
        return Jws.sign(key, Jws.TYP_KEY_REVOCATION, ProtocolJson.write(revocation));
    }
}
