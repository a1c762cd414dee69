package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.server.db.Database;
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

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static fr.observatoire.ia.server.support.ObservatoireClient.submit;
import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A declarant's chain as the observatory enforces it, and the plausibility of issuedAt: each bad
 * declaration gets its own problem type, nothing stored changes, and the log stays the one its
 * checkpoints sign.
 */
@QuarkusTest
class ChainRulesTest {
    @Inject
    Database database;

    private Enrolled commune;
    private Receipt first;
    private Receipt second;

    @BeforeEach
    void declareTwice() throws Exception {
        commune = ObservatoireClient.enrolledCommune("Commune enchaînée");
        first = LogClient.receipt(submit(TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()))));
        second = LogClient.receipt(submit(TestDeclarations.signed(commune.key(), TestDeclarations.next(commune.declarant(), first))));
    }

    @Test
    void theChainHeadSaysWhereToContinue() throws Exception {
        JsonPath head = given().get("/api/v1/declarants/{siren}/chain-head", commune.siren()).then().statusCode(200).extract().jsonPath();
        assertThat(head.getLong("sequence")).isEqualTo(2);
        assertThat(head.getString("declarationHash")).isEqualTo(second.declarationHash());
        assertThat(head.getString("declarationId")).isEqualTo(second.declarationId().toString());

        JsonPath none = given().get("/api/v1/declarants/{siren}/chain-head", ObservatoireClient.enrolledCommune("Commune muette").siren())
                .then().statusCode(200).extract().jsonPath();
        assertThat(none.getLong("sequence")).isZero();
        assertThat(none.getString("declarationHash")).isNull();
        assertProblem(given().get("/api/v1/declarants/{siren}/chain-head", "123456789"), 400, "invalid-parameter");
    }

    @Test
    void aGapIsRefusedAndTheMissingOneCanStillCome() throws Exception {
        Declaration third = TestDeclarations.next(commune.declarant(), second);
        Declaration fourth = TestDeclarations.declaration(commune.declarant(), 4, hashOf(third));
        String fourthJws = TestDeclarations.signed(commune.key(), fourth);

        Problem gap = assertRefused(fourthJws, 409, "sequence-gap");

        assertThat(gap.detail()).contains("must have sequence 3");
        // The missing one arrives; the retry of the refused one is then accepted.
        LogClient.receipt(submit(TestDeclarations.signed(commune.key(), third)));
        assertThat(submit(fourthJws).statusCode()).isEqualTo(201);
    }

    @Test
    void theFirstDeclarationOfADeclarantHasSequenceOne() throws Exception {
        Enrolled fresh = ObservatoireClient.enrolledCommune("Commune qui commence mal");
        String jws = TestDeclarations.signed(fresh.key(), TestDeclarations.declaration(fresh.declarant(), 2, first.declarationHash()));
        assertThat(assertRefused(jws, 409, "sequence-gap").detail()).contains("must have sequence 1");
    }

    @Test
    void aForkIsRefused() throws Exception {
        // The next place, but built on another history than the observatory's.
        String jws = TestDeclarations.signed(commune.key(), TestDeclarations.declaration(commune.declarant(), 3, first.declarationHash()));
        assertThat(assertRefused(jws, 409, "chain-fork").detail()).contains(second.declarationHash());
        // An old place, on another history.
        String rewritten = TestDeclarations.signed(commune.key(), TestDeclarations.declaration(commune.declarant(), 2, "sha256:" + "a".repeat(64)));
        assertRefused(rewritten, 409, "chain-fork");
    }

    @Test
    void aReplayUnderANewIdAtAnOldPlaceIsStale() throws Exception {
        // Same place as the second, same history, new id and content: a replay, or a client behind the observatory.
        String replay = TestDeclarations.signed(commune.key(), TestDeclarations.next(commune.declarant(), first));
        assertThat(assertRefused(replay, 409, "stale-sequence").detail()).contains(second.declarationId().toString());
        String againFirst = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));
        assertRefused(againFirst, 409, "stale-sequence");
    }

    @Test
    void issuedAtMustBePlausibleOnFirstSubmission() throws Exception {
        Declaration future = TestDeclarations.declaration(commune.declarant(), 3, second.declarationHash(), Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(assertRefused(TestDeclarations.signed(commune.key(), future), 422, "issued-in-future").detail())
                .contains("max-future-skew");
        Declaration old = TestDeclarations.declaration(commune.declarant(), 3, second.declarationHash(), Instant.now().minus(Duration.ofDays(91)));
        assertRefused(TestDeclarations.signed(commune.key(), old), 422, "issued-too-long-ago");
        // Within the skew: accepted.
        Declaration soon = TestDeclarations.declaration(commune.declarant(), 3, second.declarationHash(), Instant.now().plus(Duration.ofMinutes(4)));
        assertThat(submit(TestDeclarations.signed(commune.key(), soon)).statusCode()).isEqualTo(201);
    }

    @Test
    void aStoredDeclarationIsReceiptedWhateverItsAgeSince() throws Exception {
        // Accepted just before it becomes too old; sent again once it is.
        Instant almostTooOld = Instant.now().minus(Duration.ofDays(90)).plusSeconds(2);
        String jws = TestDeclarations.signed(commune.key(), TestDeclarations.declaration(commune.declarant(), 3, second.declarationHash(), almostTooOld));
        Response accepted = submit(jws);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(201);
        Thread.sleep(Duration.between(Instant.now(), almostTooOld.plus(Duration.ofDays(90))).toMillis() + 100);

        Response again = submit(jws);
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        assertThat(again.asString()).isEqualTo(accepted.asString());
    }

    @Test
    void forgedAndOversizedDeclarationsLeaveTheLogAlone() throws Exception {
        String jws = TestDeclarations.signed(commune.key(), TestDeclarations.next(commune.declarant(), second));
        assertRefused(jws.substring(0, jws.length() - 3) + (jws.endsWith("A") ? "BBB" : "AAA"), 403, "signature-invalid");
        Map<String, Object> json = ProtocolJson.mapper().readValue(TestDeclarations.payload(TestDeclarations.next(commune.declarant(), second)),
                LinkedHashMap.class);
        json.put("padding", "x".repeat(1_100_000));
        assertRefused(Jws.sign(commune.key(), Jws.TYP_DECLARATION, ProtocolJson.write(json)), 413, "payload-too-large");
    }

    private Problem assertRefused(String jws, int status, String slug) throws Exception {
        String before = StoreSnapshot.take(database);
        Checkpoint checkpoint = LogClient.checkpoint();
        Problem problem = assertProblem(submit(jws), status, slug);
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
        Checkpoint after = LogClient.checkpoint();
        assertThat(after.size()).isEqualTo(checkpoint.size());
        assertThat(after.rootHash()).isEqualTo(checkpoint.rootHash());
        assertThat(LogClient.recomputedRoot(LogClient.allEntries(), after.size())).isEqualTo(after.rootHash());
        return problem;
    }

    private static String hashOf(Declaration declaration) {
        return Hashes.declarationHash(TestDeclarations.payload(declaration));
    }
}
