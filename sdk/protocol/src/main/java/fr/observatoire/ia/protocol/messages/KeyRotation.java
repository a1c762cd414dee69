package fr.observatoire.ia.protocol.messages;

import java.time.Instant;

/**
 * Key rollover in the manner of ACME (RFC 8555 §7.3.5). The collectivité sends a JWS signed by its
 * current (old) key, {@code typ} {@code observatoire-key-rotation+jws} with {@code kid} = old key, whose
 * payload is {@link Request}: it carries an inner compact JWS signed by the NEW key, with the new public
 * key in its {@code jwk} header, {@code typ} {@code observatoire-key-rotation+jws}, and {@link Inner} as
 * payload. Both keys sign, so neither a thief of the old key alone nor of the new key alone can rotate.
 */
public final class KeyRotation {
    private KeyRotation() {
    }

    /** Outer payload, signed by the old key. */
    public record Request(String newKey) {
    }

    /** Inner payload, signed by the new key. */
    public record Inner(String siren, String oldKid, Instant requestedAt) {
    }

    /** The answer: the new key is active, the old one retired (signatures made before stay verifiable). */
    public record Response(String siren, String oldKid, String newKid, Instant rotatedAt) {
    }
}
