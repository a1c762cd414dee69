package fr.observatoire.ia.protocol.jose;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8037 Appendix A: the Ed25519 key, its RFC 7638 thumbprint and the signed example. */
class Rfc8037VectorTest {
    static final String D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    static final String THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
    static final String JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
            + ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    @Test
    void privateKeyGivesThePublicKeyAndThumbprintOfTheRfc() {
        SigningKey key = SigningKey.fromJwk(Map.of("kty", "OKP", "crv", "Ed25519", "d", D, "x", X));
        assertThat(key.publicJwk().x()).isEqualTo(X);
        assertThat(key.kid()).isEqualTo(THUMBPRINT);
    }

    @Test
    void signingTheExampleGivesTheRfcSignatureByteForByte() {
        SigningKey key = SigningKey.fromSeed(Base64Url.decode(D));
        String signingInput = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        assertThat(signingInput + "." + Base64Url.encode(signature)).isEqualTo(JWS);
    }

    @Test
    void theRfcJwsVerifiesWithThePublicKeyAndNotWithAnother() throws JwsException {
        ParsedJws parsed = Jws.parse(JWS);
        assertThat(new String(parsed.payload(), StandardCharsets.UTF_8)).isEqualTo("Example of Ed25519 signing");
        parsed.verify(PublicJwk.ofBase64Url(X));
        PublicJwk other = SigningKey.generate().publicJwk();
        assertThatThrownBy(() -> parsed.verify(other))
                .isInstanceOf(JwsException.class)
                .extracting(e -> ((JwsException) e).reason()).isEqualTo(JwsException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void aJwkWithTheWrongXForItsDIsRefused() {
        String otherX = SigningKey.generate().publicJwk().x();
        assertThatThrownBy(() -> SigningKey.fromJwk(Map.of("kty", "OKP", "crv", "Ed25519", "d", D, "x", otherX)))
                .hasMessageContaining("does not match");
    }
}
