package fr.observatoire.ia.server.enrolment;

/** A change in a collectivité's keys, as recorded in the audit trail and appended to the log. */
public enum KeyEventKind {
    ENROLMENT,
    ROTATION,
    REVOCATION
}
