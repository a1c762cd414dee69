package fr.observatoire.ia.protocol.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * The observatory's acknowledgement of an accepted declaration, and its proof. The same declaration sent
 * again gets the same receipt.
 *
 * @param declarationId   the declaration's id
 * @param siren           its declarant
 * @param sequence        its sequence number
 * @param declarationHash {@code sha256:} hex hash of the payload bytes, as in the next declaration's previousHash
 * @param receivedAt      when the observatory first accepted it
 * @param logIndex        index of its leaf in the observatory's transparency log; the leaf data is the
 *                        ASCII bytes of the compact JWS as sent
 * @param tlogProof       a C2SP tlog-proof: the inclusion proof of that leaf and the signed checkpoint it
 *                        leads to (see {@code fr.observatoire.ia.protocol.tlog.TlogProof})
 */
public record Receipt(UUID declarationId, String siren, long sequence, String declarationHash, Instant receivedAt,
                      Long logIndex, String tlogProof) {

    /** A receipt from a server without a transparency log (protocol before the log existed). */
    public Receipt(UUID declarationId, String siren, long sequence, String declarationHash, Instant receivedAt) {
        this(declarationId, siren, sequence, declarationHash, receivedAt, null, null);
    }
}
