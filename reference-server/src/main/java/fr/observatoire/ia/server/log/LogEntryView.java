package fr.observatoire.ia.server.log;

import java.util.UUID;

/**
 * One leaf of the log, for auditors.
 *
 * @param leafHash      base64 of SHA-256(0x00 ‖ data): enough to recompute every root and check every proof
 * @param declarationId for a declaration, its id (its public metadata is at /api/v1/declarations/{id})
 * @param data          the leaf data as text; public for key events, admin only for declarations (their
 *                      content follows the collectivité's publication choices)
 */
public record LogEntryView(long index, EntryKind kind, String leafHash, UUID declarationId, String data) {
}
