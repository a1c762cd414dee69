package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.jose.Base64Url;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestDeclarations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static fr.observatoire.ia.server.support.ObservatoireClient.submit;
import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a declaration can be wrong gets a 4xx problem of the right type, and leaves the stored data
 * exactly as it was.
 */
@QuarkusTest
class DeclarationRefusalTest {
    @Inject
    Database database;

    private Enrolled commune;
    private Declaration declaration;

    @BeforeEach
    void enrolACommune() {
        commune = ObservatoireClient.enrolledCommune("Commune refusée");
        declaration = TestDeclarations.first(commune.declarant());
    }

    @Test
    void tamperedSignature() throws Exception {
        String jws = TestDeclarations.signed(commune.key(), declaration);
        int last = jws.lastIndexOf('.') + 1;
        byte[] signature = Base64Url.decode(jws.substring(last));
        signature[10] ^= 0x01;
        assertRefused(jws.substring(0, last) + Base64Url.encode(signature), 403, "signature-invalid");
    }

    @Test
    void tamperedPayload() throws Exception {
        String jws = TestDeclarations.signed(commune.key(), declaration);
        String[] parts = jws.split("\\.");
        String otherPayload = Base64Url.encode(TestDeclarations.payload(TestDeclarations.declaration(commune.declarant(), 7, "sha256:" + "0".repeat(64))));
        assertRefused(parts[0] + "." + otherPayload + "." + parts[2], 403, "signature-invalid");
    }

    @Test
    void keyOfAnotherCollectivite() throws Exception {
        Enrolled other = ObservatoireClient.enrolledCommune("Autre commune");
        // The key of `other` is enrolled and the signature is valid, but the payload speaks for `commune`.
        assertRefused(TestDeclarations.signed(other.key(), declaration), 403, "key-declarant-mismatch");
    }

    @Test
    void unknownKid() throws Exception {
        assertRefused(TestDeclarations.signed(SigningKey.generate(), declaration), 403, "unknown-key");
    }

    @Test
    void missingKid() throws Exception {
        Map<String, Object> header = header("EdDSA");
        header.remove("kid");
        assertRefused(Jws.sign(commune.key(), header, TestDeclarations.payload(declaration)), 400, "malformed-jws");
    }

    @Test
    void algNone() throws Exception {
        String unsigned = Base64Url.encode(ProtocolJson.write(header("none"))) + "." + Base64Url.encode(TestDeclarations.payload(declaration)) + ".";
        assertRefused(unsigned, 400, "algorithm-not-accepted");
    }

    @Test
    void algHs256WithThePublicKeyAsSecret() throws Exception {
        // The classic confusion attack: an HMAC keyed with the (public) verification key.
        String signingInput = Base64Url.encode(ProtocolJson.write(header("HS256"))) + "." + Base64Url.encode(TestDeclarations.payload(declaration));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(commune.key().publicJwk().raw(), "HmacSHA256"));
        String mac = Base64Url.encode(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertRefused(signingInput + "." + mac, 400, "algorithm-not-accepted");
    }

    @Test
    void algRs256EvenWithAValidEd25519Signature() throws Exception {
        assertRefused(Jws.sign(commune.key(), header("RS256"), TestDeclarations.payload(declaration)), 400, "algorithm-not-accepted");
    }

    @Test
    void criticalHeader() throws Exception {
        Map<String, Object> header = header("EdDSA");
        header.put("crit", List.of("exp"));
        header.put("exp", 1);
        assertRefused(Jws.sign(commune.key(), header, TestDeclarations.payload(declaration)), 400, "critical-header-unsupported");
    }

    @Test
    void enrolmentJwsReplayedAsDeclaration() throws Exception {
        assertRefused(Jws.sign(commune.key(), Jws.TYP_ENROLMENT, TestDeclarations.payload(declaration)), 400, "wrong-jws-type");
    }

    @Test
    void truncatedBody() throws Exception {
        String jws = TestDeclarations.signed(commune.key(), declaration);
        assertRefused(jws.substring(0, jws.length() / 2), 400, "malformed-jws");
        assertRefused(jws.substring(0, jws.length() - 10), 403, "signature-invalid");
    }

    @Test
    void payloadThatIsNotJson() throws Exception {
        assertRefused(Jws.sign(commune.key(), Jws.TYP_DECLARATION, "ceci n'est pas du JSON".getBytes(StandardCharsets.UTF_8)), 400, "malformed-json");
        assertRefused(Jws.sign(commune.key(), Jws.TYP_DECLARATION, new byte[]{'{', '"', (byte) 0xC3, '"', '}'}), 400, "malformed-json");
    }

    @Test
    void payloadThatBreaksTheModelRules() throws Exception {
        Map<String, Object> json = ProtocolJson.mapper().readValue(TestDeclarations.payload(declaration), LinkedHashMap.class);
        json.put("sequence", 0);
        Problem problem = assertRefused(Jws.sign(commune.key(), Jws.TYP_DECLARATION, ProtocolJson.write(json)), 422, "invalid-declaration");
        assertThat(problem.detail()).contains("sequence");

        json.put("sequence", 1);
        json.put("agentName", "Jean Dupont");
        problem = assertRefused(Jws.sign(commune.key(), Jws.TYP_DECLARATION, ProtocolJson.write(json)), 422, "invalid-declaration");
        assertThat(problem.detail()).contains("agentName");
    }

    @Test
    void bodyThatIsNotAJws() throws Exception {
        assertRefused("bonjour", 400, "malformed-jws");
        assertRefused("", 400, "malformed-jws");
        assertRefused("a.b.c.d", 400, "malformed-jws");
        assertRefused("eyJhbGciOiJFZERTQSJ9.e30.!!!", 400, "malformed-jws");
    }

    @Test
    void wrongMediaType() throws Exception {
        String jws = TestDeclarations.signed(commune.key(), declaration);
        assertUnchanged(() -> given().contentType("application/json").body(jws).post("/api/v1/declarations"), 415, "unsupported-media-type");
        assertUnchanged(() -> given().body(jws.getBytes(StandardCharsets.US_ASCII)).post("/api/v1/declarations"), 415, "unsupported-media-type");
    }

    @Test
    void revokedKey() throws Exception {
        database.inTransaction(connection -> connection.createStatement()
                .executeUpdate("UPDATE signing_key SET state = 'REVOKED' WHERE kid = '" + commune.key().kid() + "'"));
        assertRefused(TestDeclarations.signed(commune.key(), declaration), 403, "key-revoked");
    }

    @Test
    void sameIdOtherContent() throws Exception {
        assertThat(submit(TestDeclarations.signed(commune.key(), declaration)).statusCode()).isEqualTo(201);
        Map<String, Object> json = ProtocolJson.mapper().readValue(TestDeclarations.payload(declaration), LinkedHashMap.class);
        json.put("issuedAt", declaration.issuedAt().plusSeconds(1).toString());

        Problem problem = assertRefused(Jws.sign(commune.key(), Jws.TYP_DECLARATION, ProtocolJson.write(json)), 409, "declaration-conflict");
        assertThat(problem.detail()).contains(declaration.id().toString());
    }

    @Test
    void anotherDeclarationWithATakenSequence() throws Exception {
        assertThat(submit(TestDeclarations.signed(commune.key(), declaration)).statusCode()).isEqualTo(201);
        Declaration sameSequence = TestDeclarations.first(commune.declarant());

        Problem problem = assertRefused(TestDeclarations.signed(commune.key(), sameSequence), 409, "stale-sequence");
        assertThat(problem.detail()).contains(declaration.id().toString());
    }

    private Map<String, Object> header(String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", Jws.TYP_DECLARATION);
        header.put("kid", commune.key().kid());
        return header;
    }

    private Problem assertRefused(String body, int status, String slug) throws Exception {
        return assertUnchanged(() -> submit(body), status, slug);
    }

    private Problem assertUnchanged(Supplier<Response> request, int status, String slug) throws Exception {
        String before = StoreSnapshot.take(database);
        Problem problem = assertProblem(request.get(), status, slug);
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
        return problem;
    }
}
