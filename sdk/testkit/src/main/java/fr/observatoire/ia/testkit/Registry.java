package fr.observatoire.ia.testkit;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.protocol.messages.ProblemType;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Collectivités, their one-time enrolment codes and their enrolled keys: what the reference server keeps in its
 * database, in memory. Not thread-safe: the fake observatory serialises the requests that change it.
 */
final class Registry {
    /** The reference server's default validity (observatoire.enrolment.code-validity). */
    static final Duration CODE_VALIDITY = Duration.ofDays(14);
    /** Without I, O, 0 and 1, which people misread on a letter. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A code given out of band; {@code usedByKid} is set once it enrolled a key. */
    record Code(String siren, Instant expiresAt, boolean superseded, String usedByKid) {
    }

    /**
     * An enrolled key and where it is in its life: signatures it made stay checkable whatever its state.
     *
     * @param replacedBy       for a RETIRED key, the key that replaced it
     * @param changedAt        when it was retired or revoked, or null
     * @param revokedBy        for a REVOKED key, {@code COLLECTIVITE} or {@code OBSERVATORY}, else null
     * @param revocationReason for a REVOKED key, the reason given (public, as in the log), or null
     */
    record Key(String kid, String siren, PublicJwk publicKey, Instant enrolledAt, KeyState state, String replacedBy,
               Instant changedAt, String revokedBy, String revocationReason) {
        static final String BY_COLLECTIVITE = "COLLECTIVITE";
        static final String BY_OBSERVATORY = "OBSERVATORY";

        Key(String kid, String siren, PublicJwk publicKey, Instant enrolledAt) {
            this(kid, siren, publicKey, enrolledAt, KeyState.ACTIVE, null, null, null, null);
        }

        boolean revoked() {
            return state == KeyState.REVOKED;
        }

        Key retired(String newKid, Instant at) {
            return new Key(kid, siren, publicKey, enrolledAt, KeyState.RETIRED, newKid, at, null, null);
        }

        Key revoked(String by, String reason, Instant at) {
            return new Key(kid, siren, publicKey, enrolledAt, KeyState.REVOKED, replacedBy, at, by, reason);
        }
    }

    /** The result of an enrolment: the key, and whether this request enrolled it (false: the same request again). */
    record Enrolment(Key key, boolean created) {
    }

    private final Map<String, Declarant> declarants = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, Key> keys = new HashMap<>();

    /** Registers the collectivité (if new) and gives it a new code; its earlier unused codes stop working. */
    String issueCode(Declarant declarant, Instant now) {
        declarants.put(declarant.siren(), declarant);
        codes.replaceAll((code, c) -> c.siren().equals(declarant.siren()) && c.usedByKid() == null
                ? new Code(c.siren(), c.expiresAt(), true, null) : c);
        String code = newCode();
        codes.put(code, new Code(declarant.siren(), now.plus(CODE_VALIDITY), false, null));
        return code;
    }

    /** Enrols a key without the protocol's proof of possession: for tests that only care about declarations. */
    Key enrolDirectly(Declarant declarant, PublicJwk publicKey, Instant now) {
        declarants.put(declarant.siren(), declarant);
        Key key = new Key(publicKey.thumbprint(), declarant.siren(), publicKey, now);
        keys.put(key.kid(), key);
        return key;
    }

    /**
     * Enrols {@code publicKey} for {@code siren} with {@code code}, with the reference server's rules: a code is
     * used once, the same key with the same code again is the same enrolment, a key is enrolled once.
     */
    Enrolment enrol(String siren, String code, PublicJwk publicKey, Instant now) {
        Code issued = Optional.ofNullable(codes.get(code)).filter(c -> c.siren().equals(siren))
                .orElseThrow(() -> new Refusal(ProblemType.ENROLMENT_CODE_INVALID,
                        "this enrolment code is not valid for this SIREN; ask the observatory for a new one"));
        if (issued.usedByKid() != null) {
            if (!issued.usedByKid().equals(publicKey.thumbprint())) {
                throw new Refusal(ProblemType.ENROLMENT_CODE_USED,
                        "this enrolment code was already used to enrol another key; ask the observatory for a new code");
            }
            return new Enrolment(keys.get(issued.usedByKid()), false);
        }
        if (issued.superseded()) {
            throw new Refusal(ProblemType.ENROLMENT_CODE_INVALID, "this enrolment code was replaced by a newer one; use the latest code the observatory gave");
        }
        if (now.isAfter(issued.expiresAt())) {
            throw new Refusal(ProblemType.ENROLMENT_CODE_EXPIRED, "this enrolment code expired at " + issued.expiresAt() + "; ask the observatory for a new one");
        }
        if (keys.containsKey(publicKey.thumbprint())) {
            throw new Refusal(ProblemType.KEY_ALREADY_ENROLLED, "the key " + publicKey.thumbprint()
                    + " is already enrolled; generate a new key pair for a new enrolment");
        }
        Key key = new Key(publicKey.thumbprint(), siren, publicKey, now);
        keys.put(key.kid(), key);
        codes.put(code, new Code(issued.siren(), issued.expiresAt(), false, key.kid()));
        return new Enrolment(key, true);
    }

    Optional<Key> key(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    Optional<Declarant> declarant(String siren) {
        return Optional.ofNullable(declarants.get(siren));
    }

    /** Revokes a key (a revoked key stays revoked: its first revocation is kept). */
    Key revoke(String kid, String by, String reason, Instant now) {
        Key key = key(kid).orElseThrow(() -> new IllegalArgumentException("no enrolled key has the kid " + kid));
        if (key.revoked()) {
            return key;
        }
        Key revoked = key.revoked(by, reason, now);
        keys.put(kid, revoked);
        return revoked;
    }

    /** Retires {@code old} for {@code newKey}, enrolled for the same SIREN: the caller checked both. */
    Key rotate(Key old, PublicJwk newKey, Instant now) {
        Key enrolled = new Key(newKey.thumbprint(), old.siren(), newKey, now);
        keys.put(enrolled.kid(), enrolled);
        keys.put(old.kid(), old.retired(enrolled.kid(), now));
        return enrolled;
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
