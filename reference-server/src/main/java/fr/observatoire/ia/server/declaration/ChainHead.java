package fr.observatoire.ia.server.declaration;

import java.time.Instant;
import java.util.UUID;

/**
 * The last declaration the observatory accepted from a declarant: where its chain continues. A
 * collectivité that lost its local state resumes from here (next sequence = {@code sequence + 1},
 * previousHash = {@code declarationHash}). {@code sequence} 0 and no hash: nothing accepted yet.
 */
public record ChainHead(String siren, long sequence, String declarationHash, UUID declarationId, Instant receivedAt) {
    static ChainHead empty(String siren) {
        return new ChainHead(siren, 0, null, null, null);
    }

    long nextSequence() {
        return sequence + 1;
    }
}
