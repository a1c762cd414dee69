package fr.observatoire.ia.sdk.internal.enrol;

/** What to do after a refused key operation, in a sentence. */
final class ProblemHint {
    private ProblemHint() {
    }

    static String forKeys(String slug) {
        return switch (slug) {
            case "key-retired", "key-revoked", "unknown-key" -> "This key can no longer act for the collectivité: ask the"
                    + " observatory for a new enrolment code and call enrol(code).";
            case "signature-invalid" -> "The signature does not verify: the data directory's key may have been replaced;"
                    + " enrol again with a new code.";
            case "key-already-enrolled" -> "The new key is already enrolled: try again (a new key is generated).";
            default -> "Contact the observatory with this message.";
        };
    }
}
