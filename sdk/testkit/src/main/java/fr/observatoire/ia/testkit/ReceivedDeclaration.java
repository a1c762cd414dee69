package fr.observatoire.ia.testkit;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.messages.Receipt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A declaration the fake observatory verified and accepted.
 *
 * @param declaration the payload read into the model
 * @param payload     the payload bytes exactly as signed (what the declaration hash covers)
 * @param jws         the compact JWS as sent (the transparency log's leaf)
 * @param kid         the key that signed it
 * @param receipt     the receipt the observatory answered, with its log index and tlog proof
 */
public record ReceivedDeclaration(Declaration declaration, byte[] payload, String jws, String kid, Receipt receipt) {
    public ReceivedDeclaration {
        Objects.requireNonNull(declaration, "declaration");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as text: what a DPO would read, byte for byte. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedDeclaration other && declaration.equals(other.declaration) && Arrays.equals(payload, other.payload)
                && jws.equals(other.jws) && kid.equals(other.kid) && receipt.equals(other.receipt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(declaration, Arrays.hashCode(payload), jws, kid, receipt);
    }

    @Override
    public String toString() {
        return "ReceivedDeclaration[id=" + declaration.id() + ", siren=" + declaration.declarant().siren()
                + ", sequence=" + declaration.sequence() + ", kid=" + kid + "]";
    }
}
