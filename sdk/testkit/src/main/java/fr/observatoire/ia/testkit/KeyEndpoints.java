package fr.observatoire.ia.testkit;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.protocol.messages.ProblemType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /api/v1/keys/rotations} and {@code POST /api/v1/keys/revocations}, with the reference server's checks in
 * its order (docs/protocol.md §4, docs/problems.md). A rotation is an ACME-style rollover: the outer JWS is signed by
 * the current key and carries the inner JWS, signed by the new key with its public key in the {@code jwk} header; a
 * revocation is signed by the key revoked (even retired) or by another active key of the same SIREN. What is done is
 * appended to the transparency log as sent, as the reference server does.
 */
final class KeyEndpoints {
    static final String ROTATIONS_PATH = "/api/v1/keys/rotations";
    static final String REVOCATIONS_PATH = "/api/v1/keys/revocations";
    /** The reference server's limit: the reason is public, it goes into the log. */
    static final int MAX_REASON_LENGTH = 500;

    private final Registry registry;
    private final TransparencyLog log;

    /** A key's public JWK and state, as the reference server's KeyStatus. */
    record KeyStatusView(String kid, String siren, Map<String, Object> jwk, KeyState state, Instant enrolledAt, Instant retiredAt,
                         String replacedBy, Instant revokedAt, String revokedBy, String revocationReason) {
        static KeyStatusView of(Registry.Key key) {
            boolean retired = key.state() == KeyState.RETIRED;
            boolean revoked = key.state() == KeyState.REVOKED;
            return new KeyStatusView(key.kid(), key.siren(), key.publicKey().toJwk(), key.state(), key.enrolledAt(),
                    retired ? key.changedAt() : null, key.replacedBy(), revoked ? key.changedAt() : null, key.revokedBy(),
                    key.revocationReason());
        }
    }

    KeyEndpoints(Registry registry, TransparencyLog log) {
        this.registry = registry;
        this.log = log;
    }

    HttpAnswer rotate(byte[] body, String contentType, Instant now) {
        SignedBodies.SignedRequest request = SignedBodies.parse(body, contentType, Jws.TYP_KEY_ROTATION);
        Registry.Key old = signer(request.jws());
        KeyRotation.Request outer = SignedBodies.read(request.jws().payload(), KeyRotation.Request.class, ProblemType.INVALID_KEY_ROTATION);
        if (outer.newKey() == null || outer.newKey().isBlank()) {
            throw new Refusal(ProblemType.INVALID_KEY_ROTATION, "'newKey' is required: the inner JWS, signed by the new key");
        }
        PublicJwk newKey;
        ParsedJws inner;
        try {
            inner = Jws.parse(outer.newKey());
            inner.requireType(Jws.TYP_KEY_ROTATION);
            newKey = inner.requireStrongEmbeddedJwk();
            inner.verify(newKey);
        } catch (JwsException e) {
            throw new Refusal(ProblemType.of(e.reason()), "the inner JWS (newKey, signed by the new key): " + e.getMessage());
        }
        KeyRotation.Inner named = SignedBodies.read(inner.payload(), KeyRotation.Inner.class, ProblemType.INVALID_KEY_ROTATION);
        if (named.siren() == null || named.oldKid() == null) {
            throw new Refusal(ProblemType.INVALID_KEY_ROTATION, "the inner JWS's payload needs 'siren' and 'oldKid'");
        }
        if (!old.kid().equals(named.oldKid())) {
            throw new Refusal(ProblemType.KEY_ROTATION_MISMATCH, "the inner JWS names the old key '" + named.oldKid()
                    + "' but the outer JWS is signed by the key " + old.kid());
        }
        if (!old.siren().equals(named.siren())) {
            throw new Refusal(ProblemType.KEY_ROTATION_MISMATCH, "the inner JWS names the SIREN '" + named.siren() + "' but the key "
                    + old.kid() + " is enrolled for SIREN " + old.siren());
        }
        String newKid = newKey.thumbprint();
        if (newKid.equals(old.kid())) {
            throw new Refusal(ProblemType.KEY_ALREADY_ENROLLED, "the new key is the key being rotated out; generate a new key pair");
        }
        if (old.state() == KeyState.RETIRED && newKid.equals(old.replacedBy())) {
            // The same rotation again (its answer was lost): the same answer.
            return HttpAnswer.json(200, new KeyRotation.Response(old.siren(), old.kid(), newKid, old.changedAt()));
        }
        KeyStates.requireActive(old);
        if (registry.key(newKid).isPresent()) {
            throw new Refusal(ProblemType.KEY_ALREADY_ENROLLED, "the new key " + newKid + " is already enrolled; generate a new key pair");
        }
        registry.rotate(old, newKey, now);
        log.append(request.compact().getBytes(StandardCharsets.US_ASCII));
        return HttpAnswer.json(201, new KeyRotation.Response(old.siren(), old.kid(), newKid, now));
    }

    HttpAnswer revoke(byte[] body, String contentType, Instant now) {
        SignedBodies.SignedRequest request = SignedBodies.parse(body, contentType, Jws.TYP_KEY_REVOCATION);
        Registry.Key signer = signer(request.jws());
        KeyRevocation revocation = SignedBodies.read(request.jws().payload(), KeyRevocation.class, ProblemType.INVALID_KEY_REVOCATION);
        if (revocation.siren() == null || revocation.kid() == null) {
            throw new Refusal(ProblemType.INVALID_KEY_REVOCATION, "a revocation names the 'siren' and the 'kid' of the key to revoke");
        }
        String reason = revocation.reason() == null || revocation.reason().isBlank() ? null : revocation.reason().strip();
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new Refusal(ProblemType.INVALID_KEY_REVOCATION, "'reason' is at most " + MAX_REASON_LENGTH + " characters, was "
                    + reason.length());
        }
        if (!signer.siren().equals(revocation.siren())) {
            throw new Refusal(ProblemType.KEY_DECLARANT_MISMATCH, "the key " + signer.kid() + " is enrolled for SIREN " + signer.siren()
                    + ", but the revocation is made for SIREN " + revocation.siren());
        }
        Registry.Key target = registry.key(revocation.kid()).orElseThrow(() -> new Refusal(ProblemType.UNKNOWN_KEY,
                "no enrolled key has the kid '" + revocation.kid() + "'"));
        if (!target.siren().equals(revocation.siren())) {
            throw new Refusal(ProblemType.KEY_DECLARANT_MISMATCH, "the key " + target.kid() + " is not a key of SIREN " + revocation.siren());
        }
        if (target.revoked()) {
            return HttpAnswer.json(200, KeyStatusView.of(target));
        }
        if (!signer.kid().equals(target.kid())) {
            // A key may always revoke itself (even retired); revoking another key takes an active one.
            KeyStates.requireActive(signer);
        }
        Registry.Key revoked = registry.revoke(target.kid(), Registry.Key.BY_COLLECTIVITE, reason, now);
        log.append(request.compact().getBytes(StandardCharsets.US_ASCII));
        return HttpAnswer.json(200, KeyStatusView.of(revoked));
    }

    /** The enrolled key that signed a key message: algorithm, kid, key, signature, in the protocol's order. */
    private Registry.Key signer(ParsedJws jws) {
        if (!ParsedJws.ED25519_ALGORITHMS.contains(jws.alg())) {
            throw new Refusal(ProblemType.ALGORITHM_NOT_ACCEPTED, "the JWS 'alg' is '" + jws.alg()
                    + "'; the protocol's messages are signed with Ed25519 ('EdDSA' or 'Ed25519')");
        }
        String kid = jws.kid().orElseThrow(() -> new Refusal(ProblemType.MALFORMED_JWS,
                "this JWS names its signing key in the 'kid' header (the key's RFC 7638 thumbprint)"));
        Registry.Key key = registry.key(kid).orElseThrow(() -> new Refusal(ProblemType.UNKNOWN_KEY,
                "no enrolled key has the kid '" + kid + "'; enrol the key first"));
        try {
            jws.verify(key.publicKey());
        } catch (JwsException e) {
            throw Refusal.of(e);
        }
        return key;
    }
}
