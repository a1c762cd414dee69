package fr.observatoire.ia.server.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.protocol.jose.Base64Url;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.EnrolmentRequest;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestSirens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.server.support.ObservatoireClient.enrol;
import static fr.observatoire.ia.server.support.ObservatoireClient.enrolmentJws;
import static fr.observatoire.ia.server.support.ObservatoireClient.newEnrolmentCode;
import static fr.observatoire.ia.server.support.ObservatoireClient.registerCommune;
import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class EnrolmentTest {
    @Inject
    Database database;

    private String siren;
    private String code;
    private final SigningKey key = SigningKey.generate();

    @BeforeEach
    void registerACommune() {
        siren = TestSirens.random();
        code = registerCommune(siren, "Commune qui s'enrôle");
    }

    @Test
    void enrolsTheKeyAndAnIdenticalRetryGetsTheSameAnswer() throws Exception {
        Response created = enrol(enrolmentJws(key, siren, code));

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        EnrolmentResponse response = ProtocolJson.read(created.asByteArray(), EnrolmentResponse.class);
        assertThat(response.siren()).isEqualTo(siren);
        assertThat(response.kid()).isEqualTo(key.kid());
        assertThat(response.declarationsUrl()).endsWith("/api/v1/declarations");
        assertThat(response.enrolledAt()).isBefore(Instant.now().plusSeconds(1));

        // A new JWS (another requestedAt) with the same key and code: the client retried after a lost answer.
        Response retried = enrol(enrolmentJws(key, siren, code));
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.asString()).isEqualTo(created.asString());
    }

    @Test
    void codesAreCheckedAsPeopleTypeThem() {
        String typed = code.toLowerCase().replace("-", " ");
        assertThat(enrol(enrolmentJws(key, siren, typed)).statusCode()).isEqualTo(201);
    }

    @Test
    void unknownCode() throws Exception {
        assertRefused(enrolmentJws(key, siren, "AAAA-BBBB-CCCC-DDDD"), 403, "enrolment-code-invalid");
    }

    @Test
    void unregisteredSirenGetsTheSameAnswerAsAWrongCode() throws Exception {
        Problem unregistered = assertRefused(enrolmentJws(key, TestSirens.random(), code), 403, "enrolment-code-invalid");
        Problem wrongCode = assertRefused(enrolmentJws(key, siren, "AAAA-BBBB-CCCC-DDDD"), 403, "enrolment-code-invalid");
        assertThat(unregistered.detail()).isEqualTo(wrongCode.detail());
    }

    @Test
    void codeOfAnotherCollectivite() throws Exception {
        String otherSiren = TestSirens.random();
        String otherCode = registerCommune(otherSiren, "Autre commune");
        assertRefused(enrolmentJws(key, siren, otherCode), 403, "enrolment-code-invalid");
    }

    @Test
    void reusedCode() throws Exception {
        assertThat(enrol(enrolmentJws(key, siren, code)).statusCode()).isEqualTo(201);
        assertRefused(enrolmentJws(SigningKey.generate(), siren, code), 409, "enrolment-code-used");
    }

    @Test
    void expiredCode() throws Exception {
        database.inTransaction(connection -> connection.createStatement().executeUpdate(
                "UPDATE enrolment_code SET expires_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' WHERE siren = '" + siren + "'"));
        assertRefused(enrolmentJws(key, siren, code), 410, "enrolment-code-expired");
    }

    @Test
    void codeReplacedByANewerOne() throws Exception {
        String newer = newEnrolmentCode(siren);
        assertRefused(enrolmentJws(key, siren, code), 403, "enrolment-code-invalid");
        assertThat(enrol(enrolmentJws(key, siren, newer)).statusCode()).isEqualTo(201);
    }

    @Test
    void keyAlreadyEnrolled() throws Exception {
        assertThat(enrol(enrolmentJws(key, siren, code)).statusCode()).isEqualTo(201);
        String otherSiren = TestSirens.random();
        String otherCode = registerCommune(otherSiren, "Commune qui réutilise une clé");
        assertRefused(enrolmentJws(key, otherSiren, otherCode), 409, "key-already-enrolled");
    }

    static List<String> weakKeys() throws Exception {
        try (InputStream in = EnrolmentTest.class.getResourceAsStream("/testvectors/cctv-ed25519-weak-keys.json")) {
            List<String> keys = new ArrayList<>();
            for (JsonNode vector : ProtocolJson.mapper().readTree(in).get("keys")) {
                keys.add(vector.get("key").asText());
            }
            return keys;
        }
    }

    @ParameterizedTest
    @MethodSource("weakKeys")
    void lowOrderOrMixedOrderKey(String hexKey) throws Exception {
        // Built by hand: Bouncy Castle will not even build a PublicJwk of some of these points.
        Map<String, Object> weak = new LinkedHashMap<>();
        weak.put("kty", "OKP");
        weak.put("crv", "Ed25519");
        weak.put("x", Base64Url.encode(HexFormat.of().parseHex(hexKey)));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", Jws.TYP_ENROLMENT);
        header.put("jwk", weak);
        // Nobody holds a private key for these points: the signature is made by another key, and must not matter.
        String jws = Jws.sign(key, header, request(siren, code));
        assertRefused(jws, 400, "weak-key");
    }

    @Test
    void signatureByAnotherKeyThanTheEmbeddedOne() throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", Jws.TYP_ENROLMENT);
        header.put("jwk", SigningKey.generate().publicJwk().toJwk());
        assertRefused(Jws.sign(key, header, request(siren, code)), 403, "signature-invalid");
    }

    @Test
    void noEmbeddedKey() throws Exception {
        assertRefused(Jws.sign(key, Jws.TYP_ENROLMENT, request(siren, code)), 400, "malformed-jws");
    }

    @Test
    void declarationTypeAtTheEnrolmentEndpoint() throws Exception {
        assertRefused(Jws.signWithEmbeddedKey(key, Jws.TYP_DECLARATION, request(siren, code)), 400, "wrong-jws-type");
    }

    @Test
    void algNone() throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "none");
        header.put("typ", Jws.TYP_ENROLMENT);
        header.put("jwk", key.publicJwk().toJwk());
        assertRefused(Base64Url.encode(ProtocolJson.write(header)) + "." + Base64Url.encode(request(siren, code)) + ".", 400,
                "algorithm-not-accepted");
    }

    @Test
    void invalidRequests() throws Exception {
        assertRefused(Jws.signWithEmbeddedKey(key, Jws.TYP_ENROLMENT, "pas du JSON".getBytes(StandardCharsets.UTF_8)), 400, "malformed-json");
        assertRefused(Jws.signWithEmbeddedKey(key, Jws.TYP_ENROLMENT, "{\"siren\":\"123\"}".getBytes(StandardCharsets.UTF_8)), 422,
                "invalid-enrolment-request");
        assertRefused(Jws.signWithEmbeddedKey(key, Jws.TYP_ENROLMENT, request(siren, null)), 422, "invalid-enrolment-request");
        String unknownField = "{\"siren\":\"" + siren + "\",\"code\":\"x\"}";
        assertRefused(Jws.signWithEmbeddedKey(key, Jws.TYP_ENROLMENT, unknownField.getBytes(StandardCharsets.UTF_8)), 422,
                "invalid-enrolment-request");
        assertRefused("pas-un-jws", 400, "malformed-jws");
    }

    private static byte[] request(String siren, String code) {
        return ProtocolJson.write(new EnrolmentRequest(siren, code, Instant.now()));
    }

    private Problem assertRefused(String jws, int status, String slug) throws Exception {
        String before = StoreSnapshot.take(database);
        Problem problem = assertProblem(enrol(jws), status, slug);
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
        return problem;
    }
}
