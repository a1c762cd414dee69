package fr.observatoire.ia.protocol.tlog;

import fr.observatoire.ia.protocol.Hashes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Key identifiers of the C2SP signed-note format for Ed25519 keys (signature type 0x01). */
final class NoteKeys {
    static final byte ED25519_TYPE = 0x01;

    private NoteKeys() {
    }

    /** The first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). */
    static byte[] keyId(String name, byte[] publicKey) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[nameBytes.length + 2 + publicKey.length];
        System.arraycopy(nameBytes, 0, input, 0, nameBytes.length);
        input[nameBytes.length] = '\n';
        input[nameBytes.length + 1] = ED25519_TYPE;
        System.arraycopy(publicKey, 0, input, nameBytes.length + 2, publicKey.length);
        return Arrays.copyOf(Hashes.sha256(input), 4);
    }

    static void requireValidName(String name) {
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '+')) {
            throw new IllegalArgumentException("a note key name is non-empty, without spaces, newlines or '+': '" + name + "'");
        }
    }
}
