package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.TestDeclarations;
import fr.observatoire.ia.server.support.TestSirens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static fr.observatoire.ia.server.support.ObservatoireClient.admin;
import static fr.observatoire.ia.server.support.ObservatoireClient.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole path of a collectivité: registered, enrolled, declaring, receipted, listed. */
@QuarkusTest
class DeclarationRoundTripTest {
    private static final Declarant NICE = new Declarant(DeclarantKind.COMMUNE, TestSirens.NICE, "06088", null, "Nice");

    @Test
    void registerEnrolDeclareAndList() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Enrolled nice = ObservatoireClient.enrol(NICE);
        Declaration first = TestDeclarations.first(NICE);
        String jws = TestDeclarations.signed(nice.key(), first);

        Response accepted = submit(jws);

        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(201);
        assertThat(accepted.header("Location")).endsWith("/api/v1/declarations/" + first.id());
        Receipt receipt = ProtocolJson.read(accepted.asByteArray(), Receipt.class);
        assertThat(receipt.declarationId()).isEqualTo(first.id());
        assertThat(receipt.siren()).isEqualTo(TestSirens.NICE);
        assertThat(receipt.sequence()).isEqualTo(1);
        assertThat(receipt.declarationHash()).isEqualTo(Hashes.declarationHash(TestDeclarations.payload(first)));
        assertThat(receipt.receivedAt()).isBetween(before, Instant.now());

        // The next declaration chains on the receipt's hash.
        Declaration second = TestDeclarations.declaration(NICE, 2, receipt.declarationHash());
        assertThat(submit(TestDeclarations.signed(nice.key(), second)).statusCode()).isEqualTo(201);

        JsonPath list = given().queryParam("siren", TestSirens.NICE).get("/api/v1/declarations").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("declarationId")).containsExactly(second.id().toString(), first.id().toString());
        assertThat(list.getString("[1].collectiviteName")).isEqualTo("Nice");
        assertThat(list.getString("[1].kind")).isEqualTo("COMMUNE");
        assertThat(list.getLong("[1].sequence")).isEqualTo(1);
        assertThat(list.getString("[1].periodKind")).isEqualTo("WEEK");
        assertThat(list.getString("[1].periodStart")).isEqualTo(first.period().start().toString());
        assertThat(list.getString("[1].periodEnd")).isEqualTo(first.period().end().toString());
        assertThat(list.getString("[1].declarationHash")).isEqualTo(receipt.declarationHash());
        assertThat(list.getString("[1].kid")).isEqualTo(nice.key().kid());
        assertThat(list.getInt("[1].usages")).isEqualTo(1);
        assertThat(list.getLong("[1].activityTotal")).isEqualTo(TestDeclarations.ACTIVITY_TOTAL);
        assertThat(list.getString("[1].receivedAt")).isEqualTo(receipt.receivedAt().toString());
        assertThat(list.getMap("[1]")).doesNotContainKey("jws");

        JsonPath one = given().get("/api/v1/declarations/{id}", first.id()).then().statusCode(200).extract().jsonPath();
        assertThat(one.getString("declarationHash")).isEqualTo(receipt.declarationHash());
        assertThat(one.getMap("")).doesNotContainKey("jws");
    }

    @Test
    void theAdminGetsTheSignedDeclarationAndAnyoneCanVerifyItAgain() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune vérifiable");
        Declaration declaration = TestDeclarations.first(commune.declarant());
        String jws = TestDeclarations.signed(commune.key(), declaration);
        assertThat(submit(jws).statusCode()).isEqualTo(201);

        given().get("/api/v1/admin/declarations/{id}", declaration.id()).then().statusCode(401);
        JsonPath signed = admin().get("/api/v1/admin/declarations/{id}", declaration.id()).then().statusCode(200).extract().jsonPath();

        assertThat(signed.getString("jws")).isEqualTo(jws);
        assertThat(signed.getString("declaration.siren")).isEqualTo(commune.siren());
        ParsedJws parsed = Jws.parse(signed.getString("jws"));
        parsed.verify(commune.key().publicJwk());
        assertThat(ProtocolJson.read(parsed.payload(), Declaration.class)).isEqualTo(declaration);
    }

    @Test
    void theSameDeclarationSentAgainGetsTheSameReceipt() {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune qui réessaie");
        String jws = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));

        Response first = submit(jws);
        Response again = submit(jws);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void theSamePayloadUnderTheOtherNameOfEd25519IsTheSameDeclaration() {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune RFC 9864");
        Declaration declaration = TestDeclarations.first(commune.declarant());
        Response first = submit(TestDeclarations.signed(commune.key(), declaration));

        var header = new java.util.LinkedHashMap<String, Object>();
        header.put("alg", "Ed25519");
        header.put("typ", Jws.TYP_DECLARATION);
        header.put("kid", commune.key().kid());
        Response again = submit(Jws.sign(commune.key(), header, TestDeclarations.payload(declaration)));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        assertThat(again.asString()).isEqualTo(first.asString());
    }
}
