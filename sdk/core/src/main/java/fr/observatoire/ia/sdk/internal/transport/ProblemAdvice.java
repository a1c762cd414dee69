package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.sdk.SdkConfig;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;

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

    static String sequenceGap(long sequence) {
        return "L'observatoire attend une déclaration antérieure à la n° " + sequence + " avant de l'accepter / The observatory"
                + " waits for a declaration earlier than number " + sequence + " before it takes this one. It is retried with"
                + " backoff; if an earlier declaration was quarantined, it will never arrive: contact the observatory.";
    }

    static String clockAhead(long sequence) {
        return "L'observatoire refuse la déclaration n° " + sequence + " comme émise dans le futur : l'horloge de ce serveur est"
                + " en avance. Corrigez sa synchronisation NTP. / The observatory refuses declaration " + sequence + " as issued"
                + " in the future: this server's clock is ahead. Fix its NTP synchronisation. It stays pending and is retried slowly.";
    }

    static String unverifiedReceipt(OutboxEntry entry, String reason) {
        return "Reçu non vérifié pour la déclaration n° " + entry.sequence() + " (id " + entry.declarationId() + ") : elle n'est"
                + " pas considérée comme reçue et reste en attente. / The observatory's receipt for declaration " + entry.sequence()
                + " (id " + entry.declarationId() + ") does not verify: " + reason + ". The declaration is not taken as acknowledged; it stays in the"
                + " outbox and is sent again every few minutes. If this lasts, report it to the observatory.";
    }

    static String declaration(String slug) {
        if (slug == null) {
            return "Check " + SdkConfig.Keys.ENDPOINT + ": it may not point at an observatory.";
        }
        return switch (slug) {
            case "signature-invalid" -> "The observatory cannot verify the signature: the data directory's signing key may have"
                    + " been replaced. Enrol again with a new code.";
            case "unknown-key" -> "The observatory does not accept this signing key (unknown):"
                    + " ask it for a new enrolment code and call enrol(code).";
            case "key-declarant-mismatch" -> "The signing key is enrolled for another SIREN than " + SdkConfig.Keys.DECLARANT_SIREN
                    + ": fix the SIREN, or enrol this SIREN with a new code.";
            case "declaration-conflict" -> "The observatory's chain for this SIREN disagrees with this data"
                    + " directory (restored from an old backup, or shared by two installations?). Contact the observatory.";
            case "chain-fork", "stale-sequence" -> "La chaîne locale de déclarations a divergé de celle de l'observatoire / The local"
                    + " chain of declarations diverged from the observatory's (this data directory was restored from an old backup,"
                    + " copied to a second installation, or its store was reset). Do not delete anything: contact the observatory"
                    + " with this message so that it tells which declarations it holds, and keep this data directory as evidence.";
            case "issued-too-long-ago" -> "The observatory refuses a declaration issued this long ago (it waited in the outbox,"
                    + " or the local clock was behind when it was signed). Check the server's clock (NTP) and contact the observatory.";
            case "invalid-declaration" -> "The observatory refused the content of the declaration: upgrade the SDK if the"
                    + " observatory expects a newer schema, or report it to the SDK's maintainers.";
            default -> "Contact the observatory with this message.";
        };
    }
}
