package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.jose.PublicJwk;

import java.time.Instant;

/** A public key enrolled for a collectivité; {@code kid} is its RFC 7638 thumbprint. */
public record EnrolledKey(String kid, String siren, PublicJwk publicKey, KeyState state, Instant enrolledAt) {
}
