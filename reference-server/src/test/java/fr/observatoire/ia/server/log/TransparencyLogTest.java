package fr.observatoire.ia.server.log;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.merkle.MerkleProofs;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.protocol.tlog.ReceiptVerifier;
import fr.observatoire.ia.protocol.tlog.TlogProof;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.support.LogClient;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestDeclarations;
import fr.observatoire.ia.server.support.TestSirens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.server.support.ObservatoireClient.submit;
import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Receipts, checkpoints and proofs, checked with the protocol's verifiers as a collectivité's SDK and an auditor check them. */
@QuarkusTest
class TransparencyLogTest {
    @Inject
    Database database;

    @Test
    void aReceiptProvesTheDeclarationIsInASignedCheckpoint() throws Exception {
        Checkpoint before = LogClient.checkpoint();
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune journalisée");
        String jws = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));

        Response accepted = submit(jws);

        assertThat(accepted.statusCode()).isEqualTo(201);
        Receipt receipt = LogClient.receipt(accepted);
        Checkpoint included = LogClient.verifyReceipt(receipt, jws);
        assertThat(included.origin()).isEqualTo("observatoire-ia.localhost/log");
        assertThat(included.size()).isGreaterThan(receipt.logIndex());
        LogClient.verifyConsistency(before, included);
        LogClient.verifyConsistency(included, LogClient.checkpoint());

        // The same receipt from the receipt endpoint and for a resubmission, byte for byte.
        String stored = given().get("/api/v1/declarations/{id}/receipt", receipt.declarationId()).then().statusCode(200).extract().asString();
        assertThat(stored).isEqualTo(accepted.asString());
        assertThat(submit(jws).asString()).isEqualTo(accepted.asString());
    }

    @Test
    void aTamperedJwsOrAnotherKeyDoesNotVerifyAgainstTheReceipt() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune méfiante");
        String jws = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));
        Receipt receipt = LogClient.receipt(submit(jws));
        TlogProof proof = TlogProof.parse(receipt.tlogProof());

        assertThatThrownBy(() -> new ReceiptVerifier(LogClient.logKey())
                .verifyInclusion((jws + "x").getBytes(StandardCharsets.US_ASCII), proof)).isInstanceOf(Exception.class);
        NoteVerifier impostor = new NoteVerifier(
                "observatoire-ia.localhost/log", SigningKey.generate().publicJwk());
        assertThatThrownBy(() -> new ReceiptVerifier(impostor)
                .verifyInclusion(jws.getBytes(StandardCharsets.US_ASCII), proof)).isInstanceOf(Exception.class);
    }

    @Test
    void theEnrolmentAnswerCarriesThePublishedLogKey() throws Exception {
        String siren = TestSirens.random();
        String code = ObservatoireClient.registerCommune(siren, "Commune enrôlée");
        Response enrolled = ObservatoireClient.enrol(ObservatoireClient.enrolmentJws(SigningKey.generate(), siren, code));

        EnrolmentResponse response = ProtocolJson.read(enrolled.asByteArray(), EnrolmentResponse.class);
        assertThat(response.logKey()).isEqualTo(LogClient.logKey().vkey());
        assertThat(given().get("/api/v1/log/key").asString()).isEqualTo(response.logKey() + "\n");
    }

    @Test
    void inclusionProofsFromTheEndpointVerifyAgainstTheCheckpoint() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune auditée");
        String jws = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));
        Receipt receipt = LogClient.receipt(submit(jws));
        Checkpoint latest = LogClient.checkpoint();

        JsonPath proof = given().queryParam("index", receipt.logIndex()).queryParam("size", latest.size())
                .get("/api/v1/log/proofs/inclusion").then().statusCode(200).extract().jsonPath();

        byte[] leafHash = MerkleHashes.leafHash(jws.getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getDecoder().decode(proof.getString("leafHash"))).isEqualTo(leafHash);
        assertThat(proof.getLong("index")).isEqualTo(receipt.logIndex());
        assertThat(proof.getLong("size")).isEqualTo(latest.size());
        MerkleProofs.verifyInclusion(receipt.logIndex(), latest.size(), leafHash, LogClient.hashes(proof.getList("proof")), latest.rootHash());
        // size defaults to the latest tree
        assertThat(given().queryParam("index", receipt.logIndex()).get("/api/v1/log/proofs/inclusion").jsonPath().getLong("size"))
                .isGreaterThanOrEqualTo(latest.size());
    }

    @Test
    void everyCheckpointIsConsistentWithTheNext() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune régulière");
        Checkpoint previous = LogClient.checkpoint();
        Declaration declaration = TestDeclarations.first(commune.declarant());
        for (int i = 0; i < 5; i++) {
            Receipt receipt = LogClient.receipt(submit(TestDeclarations.signed(commune.key(), declaration)));
            Checkpoint current = LogClient.checkpoint();
            LogClient.verifyConsistency(previous, current);
            previous = current;
            declaration = TestDeclarations.next(commune.declarant(), receipt);
        }
        List<Map<String, Object>> entries = LogClient.allEntries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo((int) previous.size());
        assertThat(LogClient.recomputedRoot(entries, previous.size())).isEqualTo(previous.rootHash());
    }

    @Test
    void publicEntriesHideDeclarationsContentButTheAdminSeesIt() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune discrète");
        String jws = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));
        Receipt receipt = LogClient.receipt(submit(jws));

        Map<String, Object> open = given().queryParam("start", receipt.logIndex()).queryParam("limit", 1).get("/api/v1/log/entries")
                .then().statusCode(200).extract().jsonPath().getMap("[0]");
        assertThat(open).containsEntry("kind", "DECLARATION").containsEntry("declarationId", receipt.declarationId().toString())
                .doesNotContainKey("data");
        assertThat(Base64.getDecoder().decode((String) open.get("leafHash")))
                .isEqualTo(MerkleHashes.leafHash(jws.getBytes(StandardCharsets.US_ASCII)));

        given().get("/api/v1/admin/log/entries").then().statusCode(401);
        Map<String, Object> audited = ObservatoireClient.admin().queryParam("start", receipt.logIndex()).queryParam("limit", 1)
                .get("/api/v1/admin/log/entries").then().statusCode(200).extract().jsonPath().getMap("[0]");
        assertThat(audited).containsEntry("data", jws);
    }

    @Test
    void anEnrolmentIsAKeyEventOfTheLog() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune dont la clé est publique");
        List<Map<String, Object>> entries = LogClient.allEntries();
        Map<String, Object> enrolment = entries.stream()
                .filter(e -> "KEY_ENROLMENT".equals(e.get("kind")) && ((String) e.get("data")).contains(commune.key().kid()))
                .findFirst().orElseThrow();
        Map<?, ?> statement = ProtocolJson.mapper().readValue((String) enrolment.get("data"), Map.class);
        assertThat(statement.get("type")).isEqualTo("observatoire-key-event");
        assertThat(statement.get("siren")).isEqualTo(commune.siren());
        assertThat(((Map<?, ?>) statement.get("jwk")).get("x")).isEqualTo(commune.key().publicJwk().x());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/log/proofs/inclusion?index=-1&size=1 | 400 | invalid-log-range",
            "/api/v1/log/proofs/inclusion?index=abc&size=1 | 400 | invalid-log-range",
            "/api/v1/log/proofs/inclusion?size=1 | 400 | invalid-log-range",
            "/api/v1/log/proofs/inclusion?index=0&size=0 | 400 | invalid-log-range",
            "/api/v1/log/proofs/inclusion?index=5&size=2 | 400 | invalid-log-range",
            "/api/v1/log/proofs/inclusion?index=0&size=99999999 | 404 | beyond-log-size",
            "/api/v1/log/proofs/inclusion?index=0&size=99999999999999999999 | 400 | invalid-log-range",
            "/api/v1/log/proofs/consistency?from=0&to=1 | 400 | invalid-log-range",
            "/api/v1/log/proofs/consistency?from=2&to=1 | 400 | invalid-log-range",
            "/api/v1/log/proofs/consistency?from=x | 400 | invalid-log-range",
            "/api/v1/log/proofs/consistency?from=1&to=99999999 | 404 | beyond-log-size",
            "/api/v1/log/entries?start=-1 | 400 | invalid-log-range",
            "/api/v1/log/entries?limit=0 | 400 | invalid-log-range",
            "/api/v1/log/entries?limit=1001 | 400 | invalid-log-range",
    })
    void malformedRequestsGetAProblemThatSaysWhich(String path, int status, String slug) throws Exception {
        ensureTwoLeaves();
        String before = StoreSnapshot.take(database);
        assertThat(assertProblem(given().urlEncodingEnabled(false).get(path), status, slug).detail()).isNotBlank();
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
    }

    @Test
    void aConsistencyProofBetweenEqualSizesIsEmpty() throws Exception {
        ensureTwoLeaves();
        long size = LogClient.checkpoint().size();
        JsonPath proof = given().queryParam("from", size).queryParam("to", size).get("/api/v1/log/proofs/consistency")
                .then().statusCode(200).extract().jsonPath();
        assertThat(proof.getList("proof")).isEmpty();
    }

    private static void ensureTwoLeaves() {
        // Enrolling is a log entry: two enrolments make a tree of at least two leaves, whatever ran before.
        ObservatoireClient.enrolledCommune("Commune témoin");
        ObservatoireClient.enrolledCommune("Commune témoin");
    }
}
