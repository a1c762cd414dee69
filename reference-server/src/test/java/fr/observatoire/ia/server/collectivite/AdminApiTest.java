package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.referential.Commune;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestSirens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static fr.observatoire.ia.server.support.ObservatoireClient.admin;
import static fr.observatoire.ia.server.support.ObservatoireClient.commune;
import static fr.observatoire.ia.server.support.ObservatoireClient.register;
import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class AdminApiTest {
    @Inject
    Database database;

    @Test
    void registersACollectiviteWithAFirstEnrolmentCode() {
        Commune commune = TestSirens.nextCommune();
        String siren = commune.siren();
        Map<String, Object> body = commune(siren, commune.insee(), "Antibes");

        Response response = register(body);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith("/api/v1/admin/collectivites/" + siren);
        JsonPath json = response.jsonPath();
        assertThat(json.getString("siren")).isEqualTo(siren);
        assertThat(json.getString("kind")).isEqualTo("COMMUNE");
        assertThat(json.getString("name")).isEqualTo("Antibes");
        assertThat(json.getString("inseeCode")).isEqualTo(commune.insee());
        assertThat(json.getString("enrolmentCode")).matches("[A-HJ-KMNP-TW-Z2-9]{4}(-[A-HJ-KMNP-TW-Z2-9]{4}){3}");
        Instant expiresAt = Instant.parse(json.getString("enrolmentCodeExpiresAt"));
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofDays(13), Duration.ofDays(14));
        // The code itself is never stored.
        assertThat(StoreSnapshot.take(database)).doesNotContain(json.getString("enrolmentCode"));
    }

    @Test
    void withoutTheTokenNothingHappens() throws Exception {
        Map<String, Object> body = commune(TestSirens.random(), "Sans jeton");
        Response missing = assertUnchanged(() -> given().contentType("application/json").body(ProtocolJson.write(body))
                .post("/api/v1/admin/collectivites"), 401, "unauthorized");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        Response wrong = assertUnchanged(() -> given().header("Authorization", "Bearer not-the-token").contentType("application/json")
                .body(ProtocolJson.write(body)).post("/api/v1/admin/collectivites"), 401, "unauthorized");
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
        assertUnchanged(() -> given().header("Authorization", "Basic dGVzdDp0ZXN0").get("/api/v1/admin/collectivites"), 401, "unauthorized");
        assertUnchanged(() -> given().post("/api/v1/admin/collectivites/{siren}/enrolment-codes", TestSirens.NICE), 401, "unauthorized");
    }

    @Test
    void theReferentialFillsWhatTheRegistrationLeavesOut() {
        Commune commune = TestSirens.nextCommune();
        Map<String, Object> bySirenAlone = new LinkedHashMap<>();
        bySirenAlone.put("siren", commune.siren());
        bySirenAlone.put("contactEmail", "numerique@mairie.example.fr");

        JsonPath registered = register(bySirenAlone).then().statusCode(201).extract().jsonPath();

        assertThat(registered.getString("kind")).isEqualTo("COMMUNE");
        assertThat(registered.getString("name")).isEqualTo(commune.name());
        assertThat(registered.getString("inseeCode")).isEqualTo(commune.insee());
        assertThat(registered.getLong("population")).isEqualTo(commune.population());
        assertThat(registered.getString("stratum")).isEqualTo(commune.stratum().name());
        assertThat(registered.getString("departement")).isEqualTo(commune.departement());
        assertThat(registered.getString("epciSiren")).isEqualTo(commune.epciSiren());
        Map<String, Object> listed = find(given().get("/api/v1/collectivites").then().statusCode(200).extract().jsonPath(), commune.siren());
        assertThat(listed).containsEntry("contactEmail", "numerique@mairie.example.fr").containsEntry("departement", commune.departement());
    }

    @Test
    void aSirenTheReferentialDoesNotKnowIsRefused() throws Exception {
        // Nine digits with a valid Luhn key, but no commune or EPCI has it: a typo, not a new collectivité.
        Problem problem = assertProblem(assertUnchanged(() -> register(commune("210699906", "Commune inventée")), 422,
                "unknown-collectivite"), 422, "unknown-collectivite");
        assertThat(problem.detail()).contains("210699906");
    }

    @Test
    void invalidSiren() throws Exception {
        Response response = assertUnchanged(() -> register(commune("210600889", "Luhn faux")), 422, "invalid-siren");
        assertThat(response.asString()).contains("210600889");
        assertUnchanged(() -> register(commune("21060088", "Trop court")), 422, "invalid-siren");
    }

    @Test
    void invalidDeclarant() throws Exception {
        Commune one = TestSirens.nextCommune();
        Commune other = TestSirens.nextCommune();
        Map<String, Object> mismatch = commune(one.siren(), other.insee(), "SIREN d'une commune, code INSEE d'une autre");
        Problem problem = assertProblem(assertUnchanged(() -> register(mismatch), 422, "invalid-declarant"), 422, "invalid-declarant");
        assertThat(problem.detail()).contains(one.siren(), other.insee());

        Map<String, Object> unknownKind = commune(TestSirens.random(), "Nature inconnue");
        unknownKind.put("kind", "VILLAGE");
        assertThat(assertProblem(assertUnchanged(() -> register(unknownKind), 422, "invalid-declarant"), 422, "invalid-declarant").detail())
                .contains("VILLAGE", "COMMUNE");

        Map<String, Object> school = new LinkedHashMap<>(commune(TestSirens.random(), "Collège"));
        school.put("kind", "ETABLISSEMENT_SCOLAIRE");
        school.put("uai", "0060001A");
        assertUnchanged(() -> register(school), 422, "invalid-declarant");

        Map<String, Object> noName = commune(TestSirens.random(), " ");
        assertUnchanged(() -> register(noName), 422, "invalid-declarant");
    }

    @Test
    void duplicateSiren() throws Exception {
        String siren = TestSirens.random();
        ObservatoireClient.registerCommune(siren, "Première inscription");
        assertUnchanged(() -> register(commune(siren, "Seconde inscription")), 409, "collectivite-exists");
    }

    @Test
    void badJsonBodies() throws Exception {
        assertUnchanged(() -> admin().contentType("application/json").body("{\"siren\":").post("/api/v1/admin/collectivites"), 400,
                "malformed-json");
        assertUnchanged(() -> admin().contentType("application/json").body("").post("/api/v1/admin/collectivites"), 400,
                "malformed-json");
        Map<String, Object> extra = commune(TestSirens.random(), "Champ en trop");
        extra.put("mayor", "Jean Dupont");
        assertUnchanged(() -> register(extra), 400, "invalid-request");
        Map<String, Object> wrongType = commune(TestSirens.random(), "Population en texte");
        wrongType.put("population", "douze");
        assertUnchanged(() -> register(wrongType), 400, "invalid-request");
        assertUnchanged(() -> admin().contentType("text/plain").body(ProtocolJson.write(commune(TestSirens.random(), "Texte")))
                .post("/api/v1/admin/collectivites"), 415, "unsupported-media-type");
    }

    @Test
    void enrolmentCodeForAnUnknownCollectivite() throws Exception {
        assertUnchanged(() -> admin().post("/api/v1/admin/collectivites/{siren}/enrolment-codes", TestSirens.random()), 404,
                "collectivite-not-found");
    }

    @Test
    void listsCollectivitesWithTheirKeys() {
        Enrolled enrolled = ObservatoireClient.enrolledCommune("Commune enrôlée");
        String waiting = TestSirens.random();
        ObservatoireClient.registerCommune(waiting, "Commune en attente");

        JsonPath list = admin().get("/api/v1/admin/collectivites").then().statusCode(200).extract().jsonPath();

        Map<String, Object> withKey = find(list, enrolled.siren());
        assertThat((List<?>) withKey.get("keys")).hasSize(1);
        assertThat(((Map<?, ?>) ((List<?>) withKey.get("keys")).get(0)).get("kid")).isEqualTo(enrolled.key().kid());
        assertThat(((Map<?, ?>) ((List<?>) withKey.get("keys")).get(0)).get("state")).isEqualTo("ACTIVE");
        assertThat(withKey).doesNotContainKey("enrolmentCodePendingUntil");
        Map<String, Object> pending = find(list, waiting);
        assertThat((List<?>) pending.get("keys")).isEmpty();
        assertThat(pending.get("enrolmentCodePendingUntil")).isNotNull();

        JsonPath publicList = given().get("/api/v1/collectivites").then().statusCode(200).extract().jsonPath();
        assertThat(find(publicList, enrolled.siren())).containsEntry("enrolled", true).doesNotContainKey("keys");
        assertThat(find(publicList, waiting)).containsEntry("enrolled", false);
    }

    private static Map<String, Object> find(JsonPath list, String siren) {
        List<Map<String, Object>> all = list.getList("");
        return all.stream().filter(c -> siren.equals(c.get("siren"))).findFirst().orElseThrow();
    }

    private Response assertUnchanged(Supplier<Response> request, int status, String slug) throws Exception {
        String before = StoreSnapshot.take(database);
        Response response = request.get();
        assertProblem(response, status, slug);
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
        return response;
    }
}
