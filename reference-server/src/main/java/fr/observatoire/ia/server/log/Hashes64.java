package fr.observatoire.ia.server.log;

import fr.observatoire.ia.protocol.merkle.MerkleHashes;

import java.util.Base64;
import java.util.List;

/** Merkle hashes as the log stores and serves them: standard base64, as in C2SP checkpoints and proofs. */
public final class Hashes64 {
    private Hashes64() {
    }

    public static String encode(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    public static List<String> encode(List<byte[]> hashes) {
        return hashes.stream().map(Hashes64::encode).toList();
    }

    public static byte[] decode(String hash) {
        byte[] bytes = Base64.getDecoder().decode(hash);
        if (bytes.length != MerkleHashes.SIZE) {
            throw new IllegalStateException("a stored Merkle hash is not 32 bytes: " + hash);
        }
        return bytes;
    }
}
