package fr.observatoire.ia.protocol.jose;

/** Why a JWS was refused. Each reason maps to one problem type of the protocol. */
public class JwsException extends Exception {
    /** The reasons, each with its stable problem slug. */
    public enum Reason {
        MALFORMED("malformed-jws"),
        ALGORITHM_NOT_ACCEPTED("algorithm-not-accepted"),
        CRITICAL_HEADER_UNSUPPORTED("critical-header-unsupported"),
        WRONG_TYPE("wrong-jws-type"),
        SIGNATURE_INVALID("signature-invalid"),
        /** An embedded public key that is not a canonical Ed25519 point of prime order (verifiers disagree on those). */
        WEAK_KEY("weak-key");

        private final String slug;

        Reason(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    private final Reason reason;

    public JwsException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
