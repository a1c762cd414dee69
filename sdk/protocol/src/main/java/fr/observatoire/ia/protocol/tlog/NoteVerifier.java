package fr.observatoire.ia.protocol.tlog;

import fr.observatoire.ia.protocol.jose.PublicJwk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The public half of a log key, as the observatory publishes it: a C2SP verifier key
 * {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>}.
 */
public final class NoteVerifier {
    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private final String name;
    private final PublicJwk key;
    private final byte[] keyId;

    public NoteVerifier(String name, PublicJwk key) {
        NoteKeys.requireValidName(name);
        this.name = name;
        this.key = key;
        this.keyId = NoteKeys.keyId(name, key.raw());
    }

    /** Parses a verifier key string and checks its key id against its name and key. */
    public static NoteVerifier parse(String vkey) throws NoteException {
        String[] parts = vkey.trim().split("\\+", 3); // the base64 key may itself contain '+'
        if (parts.length != 3) {
            throw new NoteException("a verifier key is <name>+<key id>+<key>, got '" + vkey + "'");
        }
        byte[] typedKey;
        try {
            typedKey = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteException("the verifier key's key is not base64");
        }
        if (typedKey.length != 33 || typedKey[0] != NoteKeys.ED25519_TYPE) {
            throw new NoteException("the verifier key is not an Ed25519 key (type 0x01 and 32 bytes)");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0], PublicJwk.ofRaw(Arrays.copyOfRange(typedKey, 1, 33)));
        if (!verifier.keyIdHex().equals(parts[1])) {
            throw new NoteException("the verifier key's id " + parts[1] + " does not match its name and key");
        }
        return verifier;
    }

    public String name() {
        return name;
    }

    public PublicJwk key() {
        return key;
    }

    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId);
    }

    public String vkey() {
        byte[] typed = new byte[33];
        typed[0] = NoteKeys.ED25519_TYPE;
        System.arraycopy(key.raw(), 0, typed, 1, 32);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * Verifies a signed note and returns its text (ending with a newline). Signatures by other keys are
     * ignored, as the format allows cosignatures; at least one must be ours and valid.
     */
    public String verify(String signedNote) throws NoteException {
        int split = signedNote.lastIndexOf("\n\n");
        if (split < 0 || !signedNote.endsWith("\n")) {
            throw new NoteException("a signed note is its text, a blank line, then signature lines, each ending with a newline");
        }
        String text = signedNote.substring(0, split + 1);
        String[] lines = signedNote.substring(split + 2, signedNote.length() - 1).split("\n", -1);
        boolean verified = false;
        for (String line : lines) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new NoteException("a signature line starts with '\u2014 ', got '" + line + "'");
            }
            String[] fields = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (fields.length != 2) {
                throw new NoteException("a signature line is '\u2014 <name> <base64>', got '" + line + "'");
            }
            if (!fields[0].equals(name)) {
                continue;
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new NoteException("a signature of " + name + " is not base64");
            }
            if (blob.length != 4 + 64 || !Arrays.equals(Arrays.copyOf(blob, 4), keyId)) {
                continue;
            }
            if (!key.verify(text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(blob, 4, blob.length))) {
                throw new NoteException("the signature of " + name + " on the note does not verify");
            }
            verified = true;
        }
        if (!verified) {
            throw new NoteException("the note carries no signature by " + name + " (key id " + keyIdHex() + ")");
        }
        return text;
    }

    static String signatureLine(String name, byte[] keyId, byte[] signature) {
        byte[] blob = new byte[4 + signature.length];
        System.arraycopy(keyId, 0, blob, 0, 4);
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }
}
