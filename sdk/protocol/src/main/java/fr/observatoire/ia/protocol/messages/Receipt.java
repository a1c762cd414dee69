package fr.observatoire.ia.protocol.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * The observatory's acknowledgement of an accepted declaration. The same declaration sent again gets
 * the same receipt.
 *
 * @param declarationId   the declaration's id
 * @param siren           its declarant
 * @param sequence        its sequence number
 * @param declarationHash {@code sha256:} hex hash of the payload bytes, as in the next declaration's previousHash
 * @param receivedAt      when the observatory first accepted it
 */
public record Receipt(UUID declarationId, String siren, long sequence, String declarationHash, Instant receivedAt) {
}
