package fr.observatoire.ia.server.log;

import java.time.Instant;

/**
 * A checkpoint the log signed.
 *
 * @param note the C2SP signed note: the checkpoint text, a blank line, the signature line
 */
public record SignedCheckpoint(long size, String rootHash, String note, Instant createdAt) {
}
