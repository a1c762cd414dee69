package fr.observatoire.ia.protocol.jose;

import fr.observatoire.ia.protocol.json.ProtocolJson;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwsTest {
    private static final SigningKey KEY = SigningKey.generate();
    private static final byte[] PAYLOAD = "{\"hello\":\"collectivités\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignedDeclarationCarriesKidTypAndAlgAndVerifies() throws JwsException {
        ParsedJws parsed = Jws.parse(Jws.sign(KEY, Jws.TYP_DECLARATION, PAYLOAD));
        assertThat(parsed.alg()).isEqualTo("EdDSA");
        assertThat(parsed.kid()).contains(KEY.kid());
        parsed.requireType(Jws.TYP_DECLARATION);
        parsed.verify(KEY.publicJwk());
        assertThat(parsed.payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void theRfc9864NameEd25519IsAcceptedToo() throws JwsException {
        Map<String, Object> header = new LinkedHashMap<>(Map.of("alg", "Ed25519", "typ", Jws.TYP_DECLARATION, "kid", KEY.kid()));
        Jws.parse(Jws.sign(KEY, header, PAYLOAD)).verify(KEY.publicJwk());
    }

    @Test
    void algNoneAndOtherAlgorithmsAreRefusedEvenWithAValidEd25519Signature() throws JwsException {
        for (String alg : List.of("none", "HS256", "RS256", "ES256", "eddsa")) {
            ParsedJws parsed = Jws.parse(Jws.sign(KEY, new LinkedHashMap<>(Map.of("alg", alg, "kid", KEY.kid())), PAYLOAD));
            assertThatThrownBy(() -> parsed.verify(KEY.publicJwk()))
                    .as(alg)
                    .isInstanceOf(JwsException.class)
                    .satisfies(e -> assertThat(((JwsException) e).reason()).isEqualTo(JwsException.Reason.ALGORITHM_NOT_ACCEPTED));
        }
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() throws JwsException {
        String header = Base64Url.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        ParsedJws parsed = Jws.parse(header + "." + Base64Url.encode(PAYLOAD) + ".");
        assertThatThrownBy(() -> parsed.verify(KEY.publicJwk())).isInstanceOf(JwsException.class);
    }

    @Test
    void anyCriticalHeaderIsRefused() {
        Map<String, Object> header = new LinkedHashMap<>(Map.of("alg", "EdDSA", "crit", List.of("b64"), "b64", false));
        assertThatThrownBy(() -> Jws.parse(Jws.sign(KEY, header, PAYLOAD)))
                .isInstanceOf(JwsException.class)
                .satisfies(e -> assertThat(((JwsException) e).reason()).isEqualTo(JwsException.Reason.CRITICAL_HEADER_UNSUPPORTED));
    }

    @Test
    void aJwsOfAnotherTypeIsRefused() throws JwsException {
        ParsedJws enrolment = Jws.parse(Jws.signWithEmbeddedKey(KEY, Jws.TYP_ENROLMENT, PAYLOAD));
        assertThatThrownBy(() -> enrolment.requireType(Jws.TYP_DECLARATION))
                .isInstanceOf(JwsException.class)
                .satisfies(e -> assertThat(((JwsException) e).reason()).isEqualTo(JwsException.Reason.WRONG_TYPE));
        assertThat(enrolment.embeddedJwk()).contains(KEY.publicJwk());
    }

    @Test
    void malformedCompactSerializationsAreRefusedAsMalformed() {
        String good = Jws.sign(KEY, Jws.TYP_DECLARATION, PAYLOAD);
        for (String bad : List.of("", "abc", "a.b", "a.b.c.d", good + "=",
                "eyJhbGciOiJFZERTQSJ9+.e30.AA", Base64Url.encode("[1]".getBytes(StandardCharsets.UTF_8)) + ".e30.AA",
                Base64Url.encode("{}".getBytes(StandardCharsets.UTF_8)) + ".e30.AA")) {
            assertThatThrownBy(() -> Jws.parse(bad))
                    .as(bad)
                    .isInstanceOf(JwsException.class)
                    .satisfies(e -> assertThat(((JwsException) e).reason()).isEqualTo(JwsException.Reason.MALFORMED));
        }
    }

    /** Flipping any single bit of the signature, the header or the payload breaks verification. */
    @Property(tries = 300)
    void anySingleBitFlipBreaksTheSignature(@ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 0, max = 7) int bit) {
        String compact = Jws.sign(KEY, Jws.TYP_DECLARATION, PAYLOAD);
        byte[] bytes = compact.getBytes(StandardCharsets.US_ASCII);
        int index = position % bytes.length;
        if (bytes[index] == '.') {
            return;
        }
        String[] parts = compact.split("\\.", -1);
        int part = compact.substring(0, index).split("\\.", -1).length - 1;
        int offsetInPart = index - (compact.substring(0, index).lastIndexOf('.') + 1);
        byte[] decoded = Base64Url.decode(parts[part]);
        int byteIndex = Math.min(offsetInPart * 3 / 4, decoded.length - 1);
        decoded[byteIndex] ^= (byte) (1 << bit);
        parts[part] = Base64Url.encode(decoded);
        String tampered = String.join(".", parts);
        assertThatThrownBy(() -> {
            ParsedJws parsed = Jws.parse(tampered);
            parsed.verify(KEY.publicJwk());
            ProtocolJson.mapper().readTree(parsed.payload());
        }).isInstanceOf(Exception.class);
    }

    @Test
    void anEmbeddedKeyMustBePresentAndStrong() throws JwsException {
        ParsedJws good = Jws.parse(Jws.signWithEmbeddedKey(KEY, Jws.TYP_ENROLMENT, PAYLOAD));
        assertThat(good.requireStrongEmbeddedJwk()).isEqualTo(KEY.publicJwk());

        ParsedJws none = Jws.parse(Jws.sign(KEY, Jws.TYP_ENROLMENT, PAYLOAD));
        assertThatThrownBy(none::requireStrongEmbeddedJwk)
                .satisfies(e -> assertThat(((JwsException) e).reason()).isEqualTo(JwsException.Reason.MALFORMED));

        // The neutral point (y = 1) and a point of order 4: low order, refused whatever Bouncy Castle does when building them.
        for (String lowOrder : List.of("0100000000000000000000000000000000000000000000000000000000000000",
                "0000000000000000000000000000000000000000000000000000000000000000")) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "EdDSA");
            header.put("jwk", Map.of("kty", "OKP", "crv", "Ed25519", "x", Base64Url.encode(java.util.HexFormat.of().parseHex(lowOrder))));
            ParsedJws weak = Jws.parse(Jws.sign(KEY, header, PAYLOAD));
            assertThatThrownBy(weak::requireStrongEmbeddedJwk).as(lowOrder)
                    .satisfies(e -> assertThat(((JwsException) e).reason()).isEqualTo(JwsException.Reason.WEAK_KEY));
        }

        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("jwk", Map.of("kty", "RSA", "n", "AQAB"));
        ParsedJws rsa = Jws.parse(Jws.sign(KEY, header, PAYLOAD));
        assertThatThrownBy(rsa::requireStrongEmbeddedJwk)
                .satisfies(e -> assertThat(((JwsException) e).reason()).isEqualTo(JwsException.Reason.MALFORMED));
    }
}
