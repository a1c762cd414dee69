package fr.observatoire.ia.testkit;

import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.messages.Problem;

/**
 * The problem types the fake observatory answers with: the same slugs, statuses and titles as the reference
 * server (docs/problems.md), so that a client tested here branches the same way in production. The server's own
 * enum lives in the server, which a plugin's test classpath must not need.
 */
enum ProblemType {
    NOT_FOUND("not-found", 404, "Ressource introuvable"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Méthode non autorisée"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Type de contenu non accepté"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Requête trop volumineuse"),
    MALFORMED_JSON("malformed-json", 400, "JSON illisible"),
    INTERNAL_ERROR("internal-error", 500, "Erreur interne"),
    MALFORMED_JWS("malformed-jws", 400, "JWS mal formé"),
    CRITICAL_HEADER_UNSUPPORTED("critical-header-unsupported", 400, "En-tête critique non pris en charge"),
    WRONG_JWS_TYPE("wrong-jws-type", 400, "Mauvais type de JWS"),
    ALGORITHM_NOT_ACCEPTED("algorithm-not-accepted", 400, "Algorithme de signature refusé"),
    SIGNATURE_INVALID("signature-invalid", 403, "Signature invalide"),
    WEAK_KEY("weak-key", 400, "Clé publique refusée"),
    INVALID_ENROLMENT_REQUEST("invalid-enrolment-request", 422, "Demande d'enrôlement invalide"),
    ENROLMENT_CODE_INVALID("enrolment-code-invalid", 403, "Code d'enrôlement invalide"),
    ENROLMENT_CODE_USED("enrolment-code-used", 409, "Code d'enrôlement déjà utilisé"),
    ENROLMENT_CODE_EXPIRED("enrolment-code-expired", 410, "Code d'enrôlement expiré"),
    KEY_ALREADY_ENROLLED("key-already-enrolled", 409, "Clé déjà enregistrée"),
    UNKNOWN_KEY("unknown-key", 403, "Clé inconnue"),
    INVALID_DECLARATION("invalid-declaration", 422, "Déclaration invalide"),
    KEY_DECLARANT_MISMATCH("key-declarant-mismatch", 403, "Clé d'une autre collectivité"),
    KEY_REVOKED("key-revoked", 403, "Clé révoquée"),
    KEY_RETIRED("key-retired", 403, "Clé remplacée"),
    ISSUED_IN_FUTURE("issued-in-future", 422, "Déclaration datée dans le futur"),
    ISSUED_TOO_LONG_AGO("issued-too-long-ago", 422, "Déclaration trop ancienne"),
    DECLARATION_CONFLICT("declaration-conflict", 409, "Identifiant de déclaration déjà utilisé"),
    SEQUENCE_GAP("sequence-gap", 409, "Déclaration précédente manquante"),
    CHAIN_FORK("chain-fork", 409, "Chaîne de déclarations divergente"),
    STALE_SEQUENCE("stale-sequence", 409, "Numéro de séquence déjà dépassé"),
    INVALID_KEY_ROTATION("invalid-key-rotation", 422, "Demande de changement de clé invalide"),
    KEY_ROTATION_MISMATCH("key-rotation-mismatch", 422, "Changement de clé incohérent"),
    INVALID_KEY_REVOCATION("invalid-key-revocation", 422, "Demande de révocation invalide"),
    INVALID_PARAMETER("invalid-parameter", 400, "Paramètre invalide"),
    INVALID_LOG_RANGE("invalid-log-range", 400, "Intervalle du journal invalide"),
    BEYOND_LOG_SIZE("beyond-log-size", 404, "Taille au-delà du journal");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    int status() {
        return status;
    }

    Problem problem(String detail) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null);
    }

    /** A refusal of this type. */
    Refusal refuse(String detail) {
        return new Refusal(this, detail);
    }

    /** The type of a JWS failure: {@link JwsException.Reason} slugs are the protocol's. */
    static ProblemType of(JwsException.Reason reason) {
        for (ProblemType type : values()) {
            if (type.slug.equals(reason.slug())) {
                return type;
            }
        }
        throw new IllegalStateException("no problem type for the JWS failure " + reason);
    }
}
