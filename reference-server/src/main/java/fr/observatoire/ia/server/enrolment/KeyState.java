package fr.observatoire.ia.server.enrolment;

/**
 * Life of an enrolled key. Only an active key may sign new declarations; what a retired or revoked key
 * signed before stays stored and verifiable.
 */
public enum KeyState {
    ACTIVE,
    /** Rotated out: the collectivité moved to a new key (signed by both). */
    RETIRED,
    /** Revoked by the collectivité or by the observatory (a lost or compromised key). */
    REVOKED
}
