package fr.observatoire.ia.protocol.messages;

import java.time.Instant;

/**
 * Payload of the enrolment JWS (typ {@code observatoire-enrolment+jws}, public key in the {@code jwk}
 * header, signed by its private key: proof of possession).
 *
 * @param siren          the collectivité enrolling
 * @param enrolmentCode  the one-time code the observatory gave it out of band
 * @param requestedAt    when the request was made
 */
public record EnrolmentRequest(String siren, String enrolmentCode, Instant requestedAt) {
}
