package fr.observatoire.ia.server.keys;

import fr.observatoire.ia.server.enrolment.EnrolledKey;
import fr.observatoire.ia.server.enrolment.KeyActor;
import fr.observatoire.ia.server.enrolment.KeyState;

import java.time.Instant;
import java.util.Map;

/**
 * A key and where it is in its life, as anyone may see it (the same facts are in the transparency log):
 * what is needed to check a declaration signed by it, and whether it may still sign.
 */
public record KeyStatus(String kid, String siren, Map<String, Object> jwk, KeyState state, Instant enrolledAt, Instant retiredAt,
                        String replacedBy, Instant revokedAt, KeyActor revokedBy, String revocationReason) {

    static KeyStatus of(EnrolledKey key) {
        EnrolledKey.Retirement retirement = key.retirement();
        EnrolledKey.Revocation revocation = key.revocation();
        return new KeyStatus(key.kid(), key.siren(), key.publicKey().toJwk(), key.state(), key.enrolledAt(),
                retirement == null ? null : retirement.at(), retirement == null ? null : retirement.replacedBy(),
                revocation == null ? null : revocation.at(), revocation == null ? null : revocation.by(),
                revocation == null ? null : revocation.reason());
    }
}
