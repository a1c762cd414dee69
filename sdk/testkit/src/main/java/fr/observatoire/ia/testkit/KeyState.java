package fr.observatoire.ia.testkit;

/** Where an enrolled key is in its life, as the reference server says it ({@code GET /api/v1/keys/{kid}}). */
public enum KeyState {
    /** It may sign. */
    ACTIVE,
    /** Replaced by a rotation: what it signed stays verifiable, new declarations it signs are refused ({@code key-retired}). */
    RETIRED,
    /** Revoked by the collectivité or the observatory: new declarations it signs are refused ({@code key-revoked}). */
    REVOKED
}
