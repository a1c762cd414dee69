package fr.observatoire.ia.server.db;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.server.support.Concurrently;
import fr.observatoire.ia.server.support.KeyMessages;
import fr.observatoire.ia.server.support.LogClient;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestDeclarations;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.server.support.ObservatoireClient.submit;
import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The same migrations and SQL on a real PostgreSQL: a round trip, duplicates and refusals. */
@ExtendWith(PostgresAvailable.class)
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresRoundTripTest {
    @Inject
    Database database;

    @AfterAll
    static void dropTheSchema() throws Exception {
        try (Connection connection = PostgresAvailable.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + PostgresProfile.SCHEMA + " CASCADE");
        }
    }

    @Test
    void runsOnPostgresql() {
        assertThat(database.description()).isEqualTo("PostgreSQL");
        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(health).contains("\"pg\": \"UP\"").doesNotContain("<default>");
    }

    @Test
    void roundTripWithDuplicatesAndConflicts() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune sur PostgreSQL");
        Declaration declaration = TestDeclarations.first(commune.declarant());
        String jws = TestDeclarations.signed(commune.key(), declaration);

        Response created = submit(jws);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        Receipt receipt = ProtocolJson.read(created.asByteArray(), Receipt.class);
        Response again = submit(jws);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).isEqualTo(created.asString());

        var listed = given().queryParam("siren", commune.siren()).get("/api/v1/declarations").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("declarationId")).containsExactly(declaration.id().toString());
        assertThat(listed.getString("[0].receivedAt")).isEqualTo(receipt.receivedAt().toString());
        assertThat(listed.getLong("[0].activityTotal")).isEqualTo(TestDeclarations.ACTIVITY_TOTAL);
        assertThat(ObservatoireClient.admin().get("/api/v1/admin/declarations/{id}", declaration.id()).jsonPath().getString("jws"))
                .isEqualTo(jws);

        String before = StoreSnapshot.take(database);
        Map<String, Object> json = ProtocolJson.mapper().readValue(TestDeclarations.payload(declaration), LinkedHashMap.class);
        json.put("issuedAt", declaration.issuedAt().plusSeconds(1).toString());
        assertProblem(submit(Jws.sign(commune.key(), Jws.TYP_DECLARATION, ProtocolJson.write(json))), 409, "declaration-conflict");
        assertProblem(submit(TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()))), 409, "stale-sequence");
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
    }

    @Test
    void simultaneousRetriesGetOneReceipt() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune pressée sur PostgreSQL");
        String jws = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));

        List<Response> responses = Concurrently.run(8, i -> submit(jws));

        assertThat(responses).extracting(Response::statusCode).containsOnlyOnce(201).containsOnly(201, 200);
        assertThat(responses).extracting(Response::asString).containsOnly(responses.get(0).asString());
    }

    @Test
    void receiptsRotationAndRevocationWithTheLogOnPostgresql() throws Exception {
        Checkpoint before = LogClient.checkpoint();
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune journalisée sur PostgreSQL");
        String firstJws = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));
        Receipt first = LogClient.receipt(submit(firstJws));
        LogClient.verifyReceipt(first, firstJws);

        SigningKey newKey = SigningKey.generate();
        assertThat(KeyMessages.rotate(KeyMessages.rotation(commune.key(), newKey, commune.siren())).statusCode()).isEqualTo(201);
        String secondJws = TestDeclarations.signed(newKey, TestDeclarations.next(commune.declarant(), first));
        Receipt second = LogClient.receipt(submit(secondJws));
        LogClient.verifyReceipt(second, secondJws);
        assertProblem(submit(TestDeclarations.signed(commune.key(), TestDeclarations.next(commune.declarant(), second))), 403, "key-retired");
        assertProblem(submit(TestDeclarations.signed(newKey, TestDeclarations.next(commune.declarant(), first))), 409, "stale-sequence");

        ObservatoireClient.admin().contentType("application/json").body("{\"reason\":\"test\"}")
                .post("/api/v1/admin/collectivites/{siren}/keys/{kid}/revocation", commune.siren(), newKey.kid()).then().statusCode(200);
        assertProblem(submit(TestDeclarations.signed(newKey, TestDeclarations.next(commune.declarant(), second))), 403, "key-revoked");
        assertThat(submit(secondJws).statusCode()).isEqualTo(200);

        Checkpoint after = LogClient.checkpoint();
        LogClient.verifyConsistency(before, after);
        LogClient.verifyConsistency(LogClient.verifyReceipt(first, firstJws), after);
        assertThat(LogClient.recomputedRoot(LogClient.allEntries(), after.size())).isEqualTo(after.rootHash());
    }

    @Test
    void concurrentDeclarantsLeaveOneConsistentLogOnPostgresql() throws Exception {
        Checkpoint before = LogClient.checkpoint();
        List<Enrolled> communes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            communes.add(ObservatoireClient.enrolledCommune("Commune concurrente sur PostgreSQL " + i));
        }
        List<List<String>> sent = Concurrently.run(communes.size(), i -> {
            List<String> jwss = new ArrayList<>();
            Declaration declaration = TestDeclarations.first(communes.get(i).declarant());
            for (int n = 0; n < 5; n++) {
                String jws = TestDeclarations.signed(communes.get(i).key(), declaration);
                Response response = submit(jws);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                jwss.add(jws);
                declaration = TestDeclarations.next(communes.get(i).declarant(), LogClient.receipt(response));
            }
            return jwss;
        });
        Checkpoint after = LogClient.checkpoint();
        LogClient.verifyConsistency(before, after);
        assertThat(LogClient.recomputedRoot(LogClient.allEntries(), after.size())).isEqualTo(after.rootHash());
        for (List<String> jwss : sent) {
            for (String jws : jwss) {
                Receipt receipt = LogClient.receipt(submit(jws));
                LogClient.verifyConsistency(LogClient.verifyReceipt(receipt, jws), after);
            }
        }
    }

    @Test
    void refusalsLeaveTheStoreUnchanged() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune refusée sur PostgreSQL");
        Enrolled other = ObservatoireClient.enrolledCommune("Autre commune sur PostgreSQL");
        Declaration declaration = TestDeclarations.first(commune.declarant());
        String before = StoreSnapshot.take(database);

        assertProblem(submit(TestDeclarations.signed(other.key(), declaration)), 403, "key-declarant-mismatch");
        assertProblem(submit(TestDeclarations.signed(SigningKey.generate(), declaration)), 403, "unknown-key");
        String jws = TestDeclarations.signed(commune.key(), declaration);
        assertProblem(submit(jws.substring(0, jws.length() - 4) + "AAAA"), 403, "signature-invalid");
        assertProblem(ObservatoireClient.enrol(ObservatoireClient.enrolmentJws(SigningKey.generate(), commune.siren(), "AAAA-BBBB-CCCC-DDDD")),
                403, "enrolment-code-invalid");

        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
    }
}
