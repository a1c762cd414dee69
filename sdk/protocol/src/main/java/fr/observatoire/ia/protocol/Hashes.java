package fr.observatoire.ia.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The content hashes of the protocol. */
public final class Hashes {
    private Hashes() {
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    /**
     * The hash that chains declarations and identifies their content: {@code sha256:} and the lower-case
     * hex SHA-256 of the JWS payload bytes (the declaration JSON exactly as signed).
     */
    public static String declarationHash(byte[] payload) {
        return "sha256:" + HexFormat.of().formatHex(sha256(payload));
    }
}
