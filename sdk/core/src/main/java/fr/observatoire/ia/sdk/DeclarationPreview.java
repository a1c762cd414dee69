package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.sdk.internal.preview.PreviewText;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A declaration exactly as it leaves (or would leave) the collectivité: the payload bytes are what the JWS
 * signs, byte for byte, so a DPO can check that nothing else goes out.
 *
 * @param declaration the declaration
 * @param payload     its JSON encoding, exactly the signed bytes
 * @param prettyJson  the same JSON, indented for people
 */
public record DeclarationPreview(Declaration declaration, byte[] payload, String prettyJson) {
    public DeclarationPreview {
        Objects.requireNonNull(declaration, "declaration");
        payload = payload.clone();
        Objects.requireNonNull(prettyJson, "prettyJson");
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The hash the next declaration will chain to ({@code sha256:...}). */
    public String hash() {
        return Hashes.declarationHash(payload);
    }

    /**
     * The declaration in words for a DPO, followed by the exact bytes that leave: who declares, the period, each
     * usage with its labels, activity totals, agent bands, incidents, sources, losses and the hash.
     *
     * @param locale French unless its language is English
     */
    public String summary(Locale locale) {
        return PreviewText.render(declaration, payload, hash(), locale);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeclarationPreview other && declaration.equals(other.declaration)
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * declaration.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "DeclarationPreview[" + declaration.period() + ", sequence " + declaration.sequence() + ", " + payload.length + " bytes]";
    }
}
