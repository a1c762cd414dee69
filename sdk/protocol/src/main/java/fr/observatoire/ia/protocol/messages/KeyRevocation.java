package fr.observatoire.ia.protocol.messages;

import java.time.Instant;

/**
 * Revocation of a key by the collectivité: the payload of a JWS ({@code typ}
 * {@code observatoire-key-revocation+jws}) signed by the key being revoked or by another active key of the
 * same collectivité. Declarations accepted before the revocation stay verifiable; new ones signed with the
 * revoked key are refused.
 *
 * @param reason free text for the observatory's records, e.g. "poste compromis"
 */
public record KeyRevocation(String siren, String kid, String reason, Instant requestedAt) {
}
