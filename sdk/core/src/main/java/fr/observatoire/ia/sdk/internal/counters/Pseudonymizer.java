package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.sdk.internal.sign.PrivateFiles;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Turns whatever the host knows an agent by (login, e-mail, IP address) into a pseudonym: HMAC-SHA256 keyed
 * with a random secret that never leaves the data directory. Without the secret a pseudonym cannot be linked
 * back to the identifier, not even by trying every e-mail of the collectivité's directory, which a plain hash
 * would allow. Pseudonyms themselves never leave either: only a band of their number per usage does.
 */
public final class Pseudonymizer {
    public static final String SECRET_FILE = "agent-secret.key";
    private static final int SECRET_BYTES = 32;
    /** 128 bits: no collision among the agents of any collectivité. */
    private static final int PSEUDONYM_BYTES = 16;

    private final ThreadLocal<Mac> macs;

    private Pseudonymizer(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        // Mac instances are not thread-safe and costly to create: one per host thread.
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is mandatory in every JRE", e);
            }
        });
    }

    /** Loads the secret from the data directory, creating it (mode 0600) on first use. */
    public static Pseudonymizer inDirectory(Path dataDir) throws IOException {
        Path file = dataDir.resolve(SECRET_FILE);
        if (Files.exists(file)) {
            byte[] secret = Files.readAllBytes(file);
            if (secret.length != SECRET_BYTES) {
                throw new IOException(file + " is not a " + SECRET_BYTES + "-byte secret; move it away to start a new one"
                        + " (agents of the current period may then be counted twice)");
            }
            return new Pseudonymizer(secret);
        }
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        PrivateFiles.writeAtomically(file, secret);
        return new Pseudonymizer(secret);
    }

    public static Pseudonymizer withSecret(byte[] secret) {
        return new Pseudonymizer(secret.clone());
    }

    public String pseudonym(String localAgentId) {
        byte[] mac = macs.get().doFinal(localAgentId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, PSEUDONYM_BYTES);
    }
}
