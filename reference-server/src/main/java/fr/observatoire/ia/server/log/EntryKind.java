package fr.observatoire.ia.server.log;

/** What a leaf of the log is. */
public enum EntryKind {
    /** A declaration: the leaf data is its compact JWS ({@code typ observatoire-declaration+jws}). */
    DECLARATION,
    /** A key enrolled: the observatory's JSON statement. */
    KEY_ENROLMENT,
    /** A key rotated: the collectivité's compact JWS ({@code typ observatoire-key-rotation+jws}). */
    KEY_ROTATION,
    /** A key revoked: the collectivité's compact JWS ({@code typ observatoire-key-revocation+jws}) or the observatory's JSON statement. */
    KEY_REVOCATION
}
