package fr.observatoire.ia.protocol.messages;

import java.util.List;
import java.util.Objects;

/**
 * Several signed declarations in one request ({@code POST /api/v1/declarations/batch}): an outbox catching up
 * after an outage, or a relay (a mutualised IT operator) sending for the collectivités it serves. Each compact
 * JWS is exactly what the single submission takes, and is decided on its own, in the order given: a chain's
 * declarations follow one another in the same batch. One answer per declaration comes back, in the same order
 * ({@link DeclarationBatchResult}).
 */
public record DeclarationBatch(List<String> declarations) {
    public DeclarationBatch {
        Objects.requireNonNull(declarations, "declarations");
        declarations = List.copyOf(declarations);
    }
}
