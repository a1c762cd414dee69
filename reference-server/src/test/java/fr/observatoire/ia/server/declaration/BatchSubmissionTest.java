package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.DeclarationBatch;
import fr.observatoire.ia.protocol.messages.DeclarationBatchResult;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.support.LogClient;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestDeclarations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch submission answers for each declaration what the single one would, in order, and refuses a
 * malformed batch as a whole without storing anything.
 */
@QuarkusTest
class BatchSubmissionTest {
    private static final String BATCH = "/api/v1/declarations/batch";

    @Inject
    Database database;

    @Test
    void a_chain_sent_together_is_accepted_in_order_with_verifiable_receipts() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune par lots");
        List<String> chain = chain(commune, 3);

        DeclarationBatchResult result = accepted(post(chain));

        assertThat(result.results()).extracting(DeclarationBatchResult.Item::status).containsExactly(201, 201, 201);
        for (int i = 0; i < chain.size(); i++) {
            Receipt receipt = result.results().get(i).receipt();
            assertThat(receipt.sequence()).isEqualTo(i + 1L);
            assertThat(LogClient.verifyReceipt(receipt, chain.get(i)).size()).isGreaterThan(receipt.logIndex());
        }
        assertThat(ObservatoireClient.submit(chain.get(1)).statusCode()).as("the single submission of one of them").isEqualTo(200);
    }

    @Test
    void each_declaration_gets_its_own_answer_and_a_refusal_spoils_only_itself() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune mêlée");
        Enrolled other = ObservatoireClient.enrolledCommune("Autre commune mêlée");
        List<String> chain = chain(commune, 2);
        String forged = chain.get(0).substring(0, chain.get(0).length() - 4) + "AAAA";
        String first = TestDeclarations.signed(other.key(), TestDeclarations.first(other.declarant()));
        String gap = TestDeclarations.signed(other.key(), TestDeclarations.declaration(other.declarant(), 5, "sha256:" + "0".repeat(64)));

        List<DeclarationBatchResult.Item> results = accepted(post(List.of(chain.get(0), forged, first, gap, chain.get(1), chain.get(0))))
                .results();

        assertThat(results).extracting(DeclarationBatchResult.Item::status).containsExactly(201, 403, 201, 409, 201, 200);
        assertThat(results.get(1).problem().slug()).isEqualTo("signature-invalid");
        assertThat(results.get(3).problem().slug()).isEqualTo("sequence-gap");
        assertThat(results.get(5).receipt()).as("the same declaration twice in a batch: the same receipt")
                .isEqualTo(results.get(0).receipt());
    }

    @Test
    void a_malformed_batch_is_refused_whole_and_changes_nothing() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune au lot refusé");
        String valid = chain(commune, 1).get(0);
        String before = StoreSnapshot.take(database);

        assertProblem(given().contentType("application/json").body("declarations: [").post(BATCH), 400, "malformed-json");
        assertProblem(given().contentType("application/json").body("{\"declarations\": []}").post(BATCH), 400, "invalid-request");
        assertProblem(given().contentType("application/json").body("{\"declarations\": [\"" + valid + "\"], \"more\": 1}").post(BATCH),
                400, "invalid-request");
        assertProblem(given().contentType("application/json").body("[\"" + valid + "\"]").post(BATCH), 400, "invalid-request");
        assertProblem(given().contentType("application/jose").body(valid.getBytes(StandardCharsets.US_ASCII)).post(BATCH), 415, "unsupported-media-type");
        assertProblem(post(Collections.nCopies(501, valid)), 413, "payload-too-large");

        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
    }

    private static Response post(List<String> declarations) {
        return given().contentType("application/json").body(ProtocolJson.write(new DeclarationBatch(declarations))).post(BATCH);
    }

    private static DeclarationBatchResult accepted(Response response) throws Exception {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return ProtocolJson.read(response.asByteArray(), DeclarationBatchResult.class);
    }

    /** The first {@code length} declarations of the commune's chain, signed. */
    private static List<String> chain(Enrolled commune, int length) {
        List<String> signed = new ArrayList<>();
        String previousHash = null;
        for (long sequence = 1; sequence <= length; sequence++) {
            Declaration declaration = TestDeclarations.declaration(commune.declarant(), sequence, previousHash);
            previousHash = Hashes.declarationHash(TestDeclarations.payload(declaration));
            signed.add(TestDeclarations.signed(commune.key(), declaration));
        }
        return signed;
    }
}
