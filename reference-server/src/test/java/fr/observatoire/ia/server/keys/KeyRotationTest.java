package fr.observatoire.ia.server.keys;

import fr.observatoire.ia.protocol.jose.Base64Url;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.support.KeyMessages;
import fr.observatoire.ia.server.support.LogClient;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestDeclarations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static fr.observatoire.ia.server.support.KeyMessages.rotate;
import static fr.observatoire.ia.server.support.ObservatoireClient.submit;
import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Key rollover signed by both keys; the chain goes on with the new key; the old one signs nothing new. */
@QuarkusTest
class KeyRotationTest {
    @Inject
    Database database;

    private Enrolled commune;
    private final SigningKey newKey = SigningKey.generate();

    @BeforeEach
    void enrol() {
        commune = ObservatoireClient.enrolledCommune("Commune qui change de clé");
    }

    @Test
    void rotateThenDeclareWithTheNewKeyWhileTheOldKeySignsNothingNew() throws Exception {
        String firstJws = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));
        Receipt first = LogClient.receipt(submit(firstJws));
        String rotation = KeyMessages.rotation(commune.key(), newKey, commune.siren());

        Response rotated = rotate(rotation);

        assertThat(rotated.statusCode()).as(rotated.asString()).isEqualTo(201);
        KeyRotation.Response response = ProtocolJson.read(rotated.asByteArray(), KeyRotation.Response.class);
        assertThat(response.siren()).isEqualTo(commune.siren());
        assertThat(response.oldKid()).isEqualTo(commune.key().kid());
        assertThat(response.newKid()).isEqualTo(newKey.kid());
        // An identical retry (the answer was lost) gets the same answer.
        Response retried = rotate(rotation);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.asString()).isEqualTo(rotated.asString());

        // The chain continues across keys; the old key is refused for anything new.
        Receipt second = LogClient.receipt(submit(TestDeclarations.signed(newKey, TestDeclarations.next(commune.declarant(), first))));
        assertThat(second.sequence()).isEqualTo(2);
        assertProblem(submit(TestDeclarations.signed(commune.key(), TestDeclarations.next(commune.declarant(), second))), 403, "key-retired");
        // What the old key signed stays: resubmission, receipt, key status.
        assertThat(submit(firstJws).statusCode()).isEqualTo(200);
        LogClient.verifyReceipt(first, firstJws);
        Map<String, Object> old = given().get("/api/v1/keys/{kid}", commune.key().kid()).then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(old).containsEntry("state", "RETIRED").containsEntry("replacedBy", newKey.kid());
        assertThat(given().get("/api/v1/keys/{kid}", newKey.kid()).jsonPath().getString("state")).isEqualTo("ACTIVE");

        // The rotation is in the log, as the collectivité signed it.
        assertThat(LogClient.allEntries()).anySatisfy(entry -> {
            assertThat(entry.get("kind")).isEqualTo("KEY_ROTATION");
            assertThat(entry.get("data")).isEqualTo(rotation);
        });
        // A rotation signed by the retired key is refused.
        assertProblem(rotate(KeyMessages.rotation(commune.key(), SigningKey.generate(), commune.siren())), 403, "key-retired");
    }

    @Test
    void theInnerJwsMustBeSignedByTheNewKey() throws Exception {
        String inner = KeyMessages.inner(newKey, commune.siren(), commune.key().kid());
        String[] parts = inner.split("\\.");
        byte[] signature = Base64Url.decode(parts[2]);
        signature[0] ^= 1;
        String forged = parts[0] + "." + parts[1] + "." + Base64Url.encode(signature);
        assertThat(assertRefused(KeyMessages.outer(commune.key(), forged), 403, "signature-invalid").detail()).startsWith("the inner JWS");
    }

    @Test
    void anInnerJwsByTheOldKeyIsNoRotation() throws Exception {
        assertRefused(KeyMessages.outer(commune.key(), KeyMessages.inner(commune.key(), commune.siren(), commune.key().kid())),
                409, "key-already-enrolled");
    }

    @Test
    void theInnerJwsMustNameTheOldKeyAndItsSiren() throws Exception {
        Enrolled other = ObservatoireClient.enrolledCommune("Autre commune");
        assertRefused(KeyMessages.outer(commune.key(), KeyMessages.inner(newKey, commune.siren(), other.key().kid())), 422, "key-rotation-mismatch");
        assertRefused(KeyMessages.outer(commune.key(), KeyMessages.inner(newKey, other.siren(), commune.key().kid())), 422, "key-rotation-mismatch");
    }

    @Test
    void aWeakNewKeyIsRefused() throws Exception {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", Jws.TYP_KEY_ROTATION);
        // The neutral point: any signature "verifies" with it for some verifiers.
        header.put("jwk", Map.of("kty", "OKP", "crv", "Ed25519", "x", "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        String inner = Jws.sign(newKey, header, ProtocolJson.write(new KeyRotation.Inner(commune.siren(), commune.key().kid(), Instant.now())));
        assertRefused(KeyMessages.outer(commune.key(), inner), 400, "weak-key");
    }

    @Test
    void aNewKeyEnrolledElsewhereIsRefused() throws Exception {
        Enrolled other = ObservatoireClient.enrolledCommune("Commune dont on voudrait la clé");
        assertRefused(KeyMessages.rotation(commune.key(), other.key(), commune.siren()), 409, "key-already-enrolled");
    }

    @Test
    void malformedRotations() throws Exception {
        assertRefused(Jws.sign(commune.key(), Jws.TYP_KEY_ROTATION, "{}".getBytes()), 422, "invalid-key-rotation");
        assertRefused(Jws.sign(commune.key(), Jws.TYP_KEY_ROTATION, "{\"newKey\":\"x\",\"extra\":1}".getBytes()), 422, "invalid-key-rotation");
        assertRefused(KeyMessages.outer(commune.key(), "pas un JWS"), 400, "malformed-jws");
        // A declaration JWS is not a rotation, and a rotation's inner JWS cannot be of another type either.
        assertRefused(Jws.sign(commune.key(), Jws.TYP_DECLARATION, ProtocolJson.write(new KeyRotation.Request(
                KeyMessages.inner(newKey, commune.siren(), commune.key().kid())))), 400, "wrong-jws-type");
        String enrolmentLike = Jws.signWithEmbeddedKey(newKey, Jws.TYP_ENROLMENT,
                ProtocolJson.write(new KeyRotation.Inner(commune.siren(), commune.key().kid(), Instant.now())));
        assertRefused(KeyMessages.outer(commune.key(), enrolmentLike), 400, "wrong-jws-type");
        assertRefused(KeyMessages.rotation(SigningKey.generate(), newKey, commune.siren()), 403, "unknown-key");
    }

    /** Refused with this problem, and nothing changed: no key, no state, no log entry. */
    private Problem assertRefused(String jws, int status, String slug) throws Exception {
        String before = StoreSnapshot.take(database);
        Problem problem = assertProblem(rotate(jws), status, slug);
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
        assertThat(given().get("/api/v1/keys/{kid}", commune.key().kid()).jsonPath().getString("state")).isEqualTo("ACTIVE");
        return problem;
    }
}
