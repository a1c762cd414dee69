package fr.observatoire.ia.server.index;

import fr.observatoire.ia.model.Declaration;

import java.time.Instant;
import java.util.UUID;

/** An accepted declaration handed to the {@link IndexSink}s, with its declarant as a statistical {@link Unit}. */
public record AcceptedDeclaration(UUID id, long ingestNo, String payloadHash, Instant receivedAt, Declaration declaration,
                                  Unit unit) {
}
