package fr.observatoire.ia.server.keys;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.support.KeyMessages;
import fr.observatoire.ia.server.support.LogClient;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestDeclarations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.observatoire.ia.server.support.KeyMessages.revoke;
import static fr.observatoire.ia.server.support.ObservatoireClient.admin;
import static fr.observatoire.ia.server.support.ObservatoireClient.submit;
import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocation by either side: the next declaration signed by the key is refused, while what it signed
 * before stays stored, resubmittable and receipted; the collectivité can come back with a new key.
 */
@QuarkusTest
class KeyRevocationTest {
    @Inject
    Database database;

    private Enrolled commune;
    private String firstJws;
    private Receipt first;

    @BeforeEach
    void enrolAndDeclareOnce() throws Exception {
        commune = ObservatoireClient.enrolledCommune("Commune qui perd sa clé");
        firstJws = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));
        first = LogClient.receipt(submit(firstJws));
    }

    @Test
    void revokedByTheCollectiviteItself() throws Exception {
        String revocation = KeyMessages.revocation(commune.key(), commune.siren(), commune.key().kid(), "poste compromis");

        JsonPath status = revoke(revocation).then().statusCode(200).extract().jsonPath();

        assertThat(status.getString("state")).isEqualTo("REVOKED");
        assertThat(status.getString("revokedBy")).isEqualTo("COLLECTIVITE");
        assertThat(status.getString("revocationReason")).isEqualTo("poste compromis");
        assertRevokedButHistoryKept();
        assertThat(LogClient.allEntries()).anySatisfy(entry -> assertThat(entry).containsEntry("kind", "KEY_REVOCATION")
                .containsEntry("data", revocation));
        // Revoking it again changes nothing.
        String before = StoreSnapshot.take(database);
        assertThat(revoke(revocation).statusCode()).isEqualTo(200);
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
    }

    @Test
    void revokedByAnotherActiveKeyOfTheSameCollectivite() throws Exception {
        SigningKey second = SigningKey.generate();
        String code = ObservatoireClient.newEnrolmentCode(commune.siren());
        assertThat(ObservatoireClient.enrol(ObservatoireClient.enrolmentJws(second, commune.siren(), code)).statusCode()).isEqualTo(201);

        assertThat(revoke(KeyMessages.revocation(second, commune.siren(), commune.key().kid(), "clé perdue")).statusCode()).isEqualTo(200);

        assertRevokedButHistoryKept();
        // The other key continues the chain.
        Receipt next = LogClient.receipt(submit(TestDeclarations.signed(second, TestDeclarations.next(commune.declarant(), first))));
        assertThat(next.sequence()).isEqualTo(2);
    }

    @Test
    void revokedByTheObservatoryThenReEnrolled() throws Exception {
        given().contentType("application/json").body("{\"reason\":\"x\"}")
                .post("/api/v1/admin/collectivites/{siren}/keys/{kid}/revocation", commune.siren(), commune.key().kid())
                .then().statusCode(401);
        assertProblem(admin().contentType("application/json").body("{}")
                .post("/api/v1/admin/collectivites/{siren}/keys/{kid}/revocation", commune.siren(), commune.key().kid()), 400, "invalid-request");
        assertProblem(admin().contentType("application/json").body("{\"reason\":\"x\"}")
                .post("/api/v1/admin/collectivites/{siren}/keys/{kid}/revocation", commune.siren(), "inconnue"), 404, "not-found");

        Response revoked = admin().contentType("application/json").body("{\"reason\":\"signalement de la DSI par téléphone\"}")
                .post("/api/v1/admin/collectivites/{siren}/keys/{kid}/revocation", commune.siren(), commune.key().kid());

        assertThat(revoked.statusCode()).as(revoked.asString()).isEqualTo(200);
        assertThat(revoked.jsonPath().getString("revokedBy")).isEqualTo("OBSERVATORY");
        assertRevokedButHistoryKept();
        Map<String, Object> logged = LogClient.allEntries().stream()
                .filter(entry -> "KEY_REVOCATION".equals(entry.get("kind")) && ((String) entry.get("data")).contains(commune.key().kid()))
                .findFirst().orElseThrow();
        Map<?, ?> statement = ProtocolJson.mapper().readValue((String) logged.get("data"), Map.class);
        assertThat(statement.get("actor")).isEqualTo("OBSERVATORY");
        assertThat(statement.get("reason")).isEqualTo("signalement de la DSI par téléphone");

        // A new code, a new key, and the chain goes on where it was.
        SigningKey replacement = SigningKey.generate();
        String code = ObservatoireClient.newEnrolmentCode(commune.siren());
        assertThat(ObservatoireClient.enrol(ObservatoireClient.enrolmentJws(replacement, commune.siren(), code)).statusCode()).isEqualTo(201);
        JsonPath head = given().get("/api/v1/declarants/{siren}/chain-head", commune.siren()).then().statusCode(200).extract().jsonPath();
        assertThat(head.getLong("sequence")).isEqualTo(1);
        assertThat(head.getString("declarationHash")).isEqualTo(first.declarationHash());
        Receipt next = LogClient.receipt(submit(TestDeclarations.signed(replacement, TestDeclarations.next(commune.declarant(), first))));
        assertThat(next.sequence()).isEqualTo(2);
    }

    @Test
    void aCollectiviteCannotRevokeAnotherOnesKey() throws Exception {
        Enrolled other = ObservatoireClient.enrolledCommune("Commune malveillante");
        String before = StoreSnapshot.take(database);
        assertProblem(revoke(KeyMessages.revocation(other.key(), commune.siren(), commune.key().kid(), "pour nuire")), 403, "key-declarant-mismatch");
        assertProblem(revoke(KeyMessages.revocation(other.key(), other.siren(), commune.key().kid(), "pour nuire")), 403, "key-declarant-mismatch");
        assertProblem(revoke(KeyMessages.revocation(commune.key(), commune.siren(), "inconnue", null)), 403, "unknown-key");
        assertProblem(revoke(KeyMessages.revocation(commune.key(), commune.siren(), commune.key().kid(), "x".repeat(501))), 422,
                "invalid-key-revocation");
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
    }

    /** The next declaration is refused; the first one is still accepted as a resubmission, and its receipt verifies. */
    private void assertRevokedButHistoryKept() throws Exception {
        Declaration next = TestDeclarations.next(commune.declarant(), first);
        String before = StoreSnapshot.take(database);
        assertProblem(submit(TestDeclarations.signed(commune.key(), next)), 403, "key-revoked");
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);

        Response again = submit(firstJws);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ProtocolJson.read(again.asByteArray(), Receipt.class)).isEqualTo(first);
        LogClient.verifyReceipt(first, firstJws);
        assertThat(given().get("/api/v1/keys/{kid}", commune.key().kid()).jsonPath().getString("state")).isEqualTo("REVOKED");
    }
}
