package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.jose.PublicJwk;

import java.time.Instant;

/**
 * A public key enrolled for a collectivité; {@code kid} is its RFC 7638 thumbprint. A key is active
 * from {@code enrolledAt}; {@code retirement} and {@code revocation} are set when it leaves that state.
 */
public record EnrolledKey(String kid, String siren, PublicJwk publicKey, KeyState state, Instant enrolledAt,
                          Retirement retirement, Revocation revocation) {

    /** Rotated out, for the key {@code replacedBy}. */
    public record Retirement(Instant at, String replacedBy) {
    }

    public record Revocation(Instant at, KeyActor by, String reason) {
    }

    public KeyLifecycle lifecycle() {
        return new KeyLifecycle(kid, state, retirement, revocation);
    }

    /** A freshly enrolled, active key. */
    public EnrolledKey(String kid, String siren, PublicJwk publicKey, KeyState state, Instant enrolledAt) {
        this(kid, siren, publicKey, state, enrolledAt, null, null);
    }
}
