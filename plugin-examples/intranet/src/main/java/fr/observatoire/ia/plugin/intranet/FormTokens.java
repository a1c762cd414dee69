package fr.observatoire.ia.plugin.intranet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The anti-forgery tokens of the self-declaration form, without a session: the form is anonymous, and a session
 * cookie would be an identifier. A token is {@code issuedAtSeconds.nonce.mac}, where the MAC is an HMAC-SHA256 of
 * the first two parts with a server secret; a page of another site cannot read one from the intranet (same-origin
 * policy), so it cannot post the form in an agent's name.
 *
 * <p>A token is accepted once, within {@code maxAge}: a browser that resends the form (reload after a POST) does not
 * count the declaration twice. The nonces used are remembered until they expire, a bounded number of them.
 */
final class FormTokens {
    /** Beyond this many tokens used within {@code maxAge}, new ones are refused rather than memory grown. */
    static final int MAX_REMEMBERED = 100_000;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final int NONCE_BYTES = 12;
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration maxAge;
    private final SecureRandom random;
    private final Map<String, Long> used = new ConcurrentHashMap<>();

    FormTokens(byte[] secret, Clock clock, Duration maxAge, SecureRandom random) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the token secret must be at least 32 bytes, was " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A secret for one server: tokens issued before a restart, or by another node of a cluster, are then refused. */
    static byte[] randomSecret(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return secret;
    }

    String issue() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String payload = clock.instant().getEpochSecond() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return payload + "." + mac(payload);
    }

    /** Whether {@code token} was issued here, is in date, and was not used yet; does not use it. */
    boolean isValid(String token) {
        return nonceIfValid(token) != null;
    }

    /** Uses {@code token}: true the first time a valid token is presented, false for any other. */
    boolean consume(String token) {
        String nonce = nonceIfValid(token);
        if (nonce == null) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (used.size() >= MAX_REMEMBERED / 2) {
            used.values().removeIf(expiry -> expiry < now);
        }
        if (used.size() >= MAX_REMEMBERED) {
            return false;
        }
        return used.putIfAbsent(nonce, now + maxAge.toSeconds() + CLOCK_SKEW.toSeconds()) == null;
    }

    private String nonceIfValid(String token) {
        if (token == null || token.length() > 100) {
            return null;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        long issuedAt;
        try {
            issuedAt = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        byte[] expected = mac(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        long now = clock.instant().getEpochSecond();
        if (issuedAt > now + CLOCK_SKEW.toSeconds() || now - issuedAt > maxAge.toSeconds()) {
            return null;
        }
        return parts[1];
    }

    private String mac(String payload) {
        try {
            // A Mac is not thread-safe; one per call costs microseconds, for a form sent by hand.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
