package fr.observatoire.ia.server.enrolment;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a key's state.
 *
 * @param kid    the key enrolled, rotated out or revoked
 * @param newKid for a rotation, the key that replaces it
 * @param entry  the exact text appended to the log for this event
 */
public record KeyEvent(UUID id, String siren, KeyEventKind kind, String kid, String newKid, KeyActor actor, String reason,
                       Instant occurredAt, String entry) {
}
