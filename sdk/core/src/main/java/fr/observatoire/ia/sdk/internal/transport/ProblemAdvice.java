package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.sdk.SdkConfig;

/**
 * What a DSI should do about each refusal, in a sentence. The slugs are the observatory's stable problem types
 * (docs/protocol.md); French first, as the people who read these logs work in French.
 */
final class ProblemAdvice {
    private ProblemAdvice() {
    }

    static String enrolment(String slug, int status, String detail) {
        String sentence = switch (slug) {
            case "enrolment-code-invalid" -> "Le code d'enrôlement est inconnu ou a expiré / The enrolment code is unknown or expired."
                    + " Check the code the observatory gave you, or ask it for a new one.";
            case "enrolment-code-used" -> "Ce code d'enrôlement a déjà servi / This enrolment code was already used."
                    + " Ask the observatory for a new code.";
            case "enrolment-code-expired" -> "Le code d'enrôlement a expiré / The enrolment code has expired."
                    + " Ask the observatory for a new one.";
            case "key-already-enrolled" -> "Cette clé est déjà enregistrée / This signing key is already enrolled."
                    + " If this data directory's store was reset, ask the observatory to revoke the key, move signing-key.jwk away and enrol with a new code.";
            case "weak-key" -> "L'observatoire refuse la clé de signature / The observatory refused the signing key as weak."
                    + " Move the data directory's signing-key.jwk away and enrol again.";
            default -> "L'observatoire a refusé l'enrôlement / The observatory refused the enrolment (HTTP " + status + ", " + slug + ").";
        };
        return detail == null ? sentence : sentence + " Observatory: " + detail;
    }

    static String declaration(String slug) {
        if (slug == null) {
            return "Check " + SdkConfig.Keys.ENDPOINT + ": it may not point at an observatory.";
        }
        return switch (slug) {
            case "signature-invalid" -> "The observatory cannot verify the signature: the data directory's signing key may have"
                    + " been replaced. Enrol again with a new code.";
            case "unknown-key", "key-revoked" -> "The observatory does not accept this signing key (unknown or revoked):"
                    + " ask it for a new enrolment code and call enrol(code).";
            case "key-declarant-mismatch" -> "The signing key is enrolled for another SIREN than " + SdkConfig.Keys.DECLARANT_SIREN
                    + ": fix the SIREN, or enrol this SIREN with a new code.";
            case "declaration-conflict", "sequence-conflict" -> "The observatory's chain for this SIREN disagrees with this data"
                    + " directory (restored from an old backup, or shared by two installations?). Contact the observatory.";
            case "invalid-declaration" -> "The observatory refused the content of the declaration: upgrade the SDK if the"
                    + " observatory expects a newer schema, or report it to the SDK's maintainers.";
            default -> "Contact the observatory with this message.";
        };
    }
}
