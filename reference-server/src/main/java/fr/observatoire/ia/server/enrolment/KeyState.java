package fr.observatoire.ia.server.enrolment;

/** Life of an enrolled key. Only an active key may sign new declarations. */
public enum KeyState {
    ACTIVE,
    REVOKED
}
