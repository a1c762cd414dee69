package fr.observatoire.ia.server.enrolment;

/** Who changed a key's state. */
public enum KeyActor {
    /** The collectivité itself, with a JWS signed by one of its keys. */
    COLLECTIVITE,
    /** The observatory's administrator. */
    OBSERVATORY
}
