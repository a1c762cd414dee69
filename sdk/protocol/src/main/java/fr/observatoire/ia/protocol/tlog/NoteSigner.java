package fr.observatoire.ia.protocol.tlog;

import fr.observatoire.ia.protocol.jose.SigningKey;

import java.nio.charset.StandardCharsets;

/** Signs notes (C2SP signed-note) with the observatory's log key. */
public final class NoteSigner {
    private final String name;
    private final SigningKey key;
    private final byte[] keyId;

    public NoteSigner(String name, SigningKey key) {
        NoteKeys.requireValidName(name);
        this.name = name;
        this.key = key;
        this.keyId = NoteKeys.keyId(name, key.publicJwk().raw());
    }

    public NoteVerifier verifier() {
        return new NoteVerifier(name, key.publicJwk());
    }

    /** The signed note: the text (which must end with a newline), a blank line, and our signature line. */
    public String sign(String text) {
        if (!text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline and has no blank line");
        }
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        return text + "\n" + NoteVerifier.signatureLine(name, keyId, signature);
    }
}
