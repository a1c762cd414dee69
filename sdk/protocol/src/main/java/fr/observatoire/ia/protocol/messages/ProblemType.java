package fr.observatoire.ia.protocol.messages;

import fr.observatoire.ia.protocol.jose.JwsException;

import java.util.Arrays;
import java.util.Optional;

/**
 * The protocol's catalogue of problem types: everything the reference server may answer with, including the
 * types only the server's own endpoints answer (admin, statistics, open data), so that the server and the
 * testkit's fake observatory, which answers a subset, cannot drift apart. The slug is part of the protocol
 * (clients branch on it, docs/problems.md lists it with its status): never rename one. The title is the same
 * for every occurrence; the detail says what was wrong this time. Titles are in French, for the people of the
 * collectivités; details are in English, like the model's own messages they often carry.
 */
public enum ProblemType {
    // Framework-level and generic errors
    NOT_FOUND("not-found", 404, "Ressource introuvable"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Méthode non autorisée"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Format de réponse non disponible"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Type de contenu non accepté"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Requête trop volumineuse"),
    MALFORMED_JSON("malformed-json", 400, "JSON illisible"),
    INVALID_REQUEST("invalid-request", 400, "Requête invalide"),
    INVALID_PARAMETER("invalid-parameter", 400, "Paramètre invalide"),
    UNAUTHORIZED("unauthorized", 401, "Authentification requise"),
    INTERNAL_ERROR("internal-error", 500, "Erreur interne"),
    OVERLOADED("overloaded", 503, "Observatoire surchargé"),
    RATE_LIMITED("rate-limited", 429, "Trop de déclarations pour cette collectivité"),

    // Registration of collectivités (admin)
    INVALID_SIREN("invalid-siren", 422, "SIREN invalide"),
    INVALID_DECLARANT("invalid-declarant", 422, "Collectivité invalide"),
    COLLECTIVITE_EXISTS("collectivite-exists", 409, "Collectivité déjà enregistrée"),
    COLLECTIVITE_NOT_FOUND("collectivite-not-found", 404, "Collectivité inconnue"),
    UNKNOWN_COLLECTIVITE("unknown-collectivite", 422, "Collectivité absente du référentiel"),

    // JWS envelope (every signed message); slugs shared with JwsException.Reason
    MALFORMED_JWS("malformed-jws", 400, "JWS mal formé"),
    CRITICAL_HEADER_UNSUPPORTED("critical-header-unsupported", 400, "En-tête critique non pris en charge"),
    WRONG_JWS_TYPE("wrong-jws-type", 400, "Mauvais type de JWS"),
    ALGORITHM_NOT_ACCEPTED("algorithm-not-accepted", 400, "Algorithme de signature refusé"),
    SIGNATURE_INVALID("signature-invalid", 403, "Signature invalide"),
    WEAK_KEY("weak-key", 400, "Clé publique refusée"),

    // Enrolment
    INVALID_ENROLMENT_REQUEST("invalid-enrolment-request", 422, "Demande d'enrôlement invalide"),
    ENROLMENT_CODE_INVALID("enrolment-code-invalid", 403, "Code d'enrôlement invalide"),
    ENROLMENT_CODE_USED("enrolment-code-used", 409, "Code d'enrôlement déjà utilisé"),
    ENROLMENT_CODE_EXPIRED("enrolment-code-expired", 410, "Code d'enrôlement expiré"),
    KEY_ALREADY_ENROLLED("key-already-enrolled", 409, "Clé déjà enregistrée"),

    // Declarations
    UNKNOWN_KEY("unknown-key", 403, "Clé inconnue"),
    INVALID_DECLARATION("invalid-declaration", 422, "Déclaration invalide"),
    KEY_DECLARANT_MISMATCH("key-declarant-mismatch", 403, "Clé d'une autre collectivité"),
    KEY_REVOKED("key-revoked", 403, "Clé révoquée"),
    KEY_RETIRED("key-retired", 403, "Clé remplacée"),
    ISSUED_IN_FUTURE("issued-in-future", 422, "Déclaration datée dans le futur"),
    ISSUED_TOO_LONG_AGO("issued-too-long-ago", 422, "Déclaration trop ancienne"),
    DECLARATION_CONFLICT("declaration-conflict", 409, "Identifiant de déclaration déjà utilisé"),
    // The declarant's chain (sequence-conflict, answered before these existed, is retired)
    SEQUENCE_GAP("sequence-gap", 409, "Déclaration précédente manquante"),
    CHAIN_FORK("chain-fork", 409, "Chaîne de déclarations divergente"),
    STALE_SEQUENCE("stale-sequence", 409, "Numéro de séquence déjà dépassé"),

    // Key rotation and revocation
    INVALID_KEY_ROTATION("invalid-key-rotation", 422, "Demande de changement de clé invalide"),
    KEY_ROTATION_MISMATCH("key-rotation-mismatch", 422, "Changement de clé incohérent"),
    INVALID_KEY_REVOCATION("invalid-key-revocation", 422, "Demande de révocation invalide"),

    // Transparency log
    INVALID_LOG_RANGE("invalid-log-range", 400, "Intervalle du journal invalide"),
    BEYOND_LOG_SIZE("beyond-log-size", 404, "Taille au-delà du journal"),

    // Statistics, open data and register exports (public, read-only)
    UNKNOWN_MEASURE("unknown-measure", 400, "Mesure inconnue"),
    UNKNOWN_DIMENSION("unknown-dimension", 400, "Dimension inconnue"),
    UNKNOWN_TERRITORY("unknown-territory", 422, "Territoire absent du référentiel");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem of this type for {@code detail}, without {@code instance}. */
    public Problem problem(String detail) {
        return problem(detail, null);
    }

    /** The problem of this type for {@code detail}, with an {@code instance} id (null for none). */
    public Problem problem(String detail, String instance) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, instance);
    }

    public static Optional<ProblemType> ofSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    /** The type of a refused JWS: each {@link JwsException.Reason} has the problem type of the same slug. */
    public static ProblemType of(JwsException.Reason reason) {
        return ofSlug(reason.slug())
                .orElseThrow(() -> new IllegalStateException("no problem type for the JWS reason " + reason));
    }
}
