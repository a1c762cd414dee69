package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.server.referential.Commune;
import fr.observatoire.ia.server.support.StatsProfile;
import fr.observatoire.ia.server.support.StatsTerritory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The public register and its exports, over declarations sent through the real API. */
@QuarkusTest
@TestProfile(StatsProfile.class)
class RegistryApiTest {
    private StatsTerritory.Seeded territory;

    @BeforeEach
    void seed() {
        territory = StatsTerritory.seed();
    }

    @Test
    void theRegisterListsOnlyWhatCollectivitesChoseToPublish() {
        JsonPath register = given().queryParam("departement", "06").queryParam("limit", 500).get("/api/v1/registry/usages")
                .then().statusCode(200).extract().jsonPath();

        List<String> ids = register.getList("usage.id");
        // 14 drafting, 4 transcriptions, 1 high-risk triage; the 6 statistics-only chatbots are counted, never listed.
        assertThat(ids).hasSize(19).doesNotContain("chatbot-public");
        Commune beausoleil = territory.riviera().get(0);
        Map<String, Object> first = register.<Map<String, Object>>getList("").stream()
                .filter(u -> ((Map<?, ?>) u.get("organisation")).get("siren").equals(beausoleil.siren())).findFirst().orElseThrow();
        assertThat((Map<String, Object>) first.get("source")).containsKeys("declarationHash", "declarationId", "issuedAt");
        assertThat(((Map<?, ?>) first.get("source")).get("declarationHash").toString()).startsWith("sha256:");

        assertThat(given().get("/api/v1/registry/usages?siren=" + beausoleil.siren()).jsonPath().getList("usage.id")).containsExactly("redaction");
    }

    @Test
    void algoritmeregister() {
        JsonPath export = given().get("/api/v1/registry/exports/algoritmeregister?siren=" + territory.paillons().siren())
                .then().statusCode(200).extract().jsonPath();

        assertThat(export.getString("standard")).contains("Algoritmeregister");
        Map<String, Object> triage = record(export, "name", "Usage pre-instruction-aides");
        assertThat(triage).containsEntry("category", "A").containsEntry("status", "In gebruik").containsEntry("lang", "FRA")
                .containsEntry("contact_email", StatsTerritory.CONTACT).containsEntry("organization", territory.paillons().name());
        assertThat((List<?>) triage.get("missing_required")).isEmpty();
        assertThat(record(export, "name", "Usage redaction")).containsEntry("category", "C");
        assertThat(triage.get("source_declaration_hash").toString()).startsWith("sha256:");

        // Without a contact address, the export says the required field is missing.
        JsonPath other = given().get("/api/v1/registry/exports/algoritmeregister?siren=" + territory.riviera().get(0).siren()).jsonPath();
        assertThat(other.getList("records[0].missing_required")).containsExactly("contact_email");
    }

    @Test
    void atrsPhasesAndTheEtalabInventoryWithTheCrpaFlag() {
        JsonPath atrs = given().get("/api/v1/registry/exports/atrs?siren=" + territory.grasse().get(0).siren()).jsonPath();
        assertThat(atrs.getList("records.tier_1.phase")).containsExactlyInAnyOrder("Production", "Public beta");
        assertThat(atrs.getList("records.tier_1.region")).containsOnly("Provence-Alpes-Côte d'Azur");

        // Beausoleil has 11,936 inhabitants: CRPA art. L312-1-3 may apply; Bendejun (Paillons), 971, it does not.
        JsonPath beausoleil = given().get("/api/v1/registry/exports/etalab?siren=" + territory.riviera().get(0).siren()).jsonPath();
        assertThat(beausoleil.getBoolean("records[0].administration.concerne_par_crpa_l312_1_3")).isTrue();
        JsonPath bendejun = given().get("/api/v1/registry/exports/etalab?siren=" + territory.paillons().siren()).jsonPath();
        assertThat(bendejun.getList("records.administration.concerne_par_crpa_l312_1_3")).containsOnly(false);
        assertThat(bendejun.getList("records.impact.decisions_individuelles_possibles")).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void annexViiiListsHighRiskSystemsOnly() {
        JsonPath export = given().get("/api/v1/registry/exports/ai-act-annex-viii?departement=06").then().statusCode(200).extract().jsonPath();

        assertThat(export.getList("records")).hasSize(1);
        assertThat(export.getString("records[0].system.annex_iii_point")).isEqualTo("5(a)");
        assertThat(export.getString("records[0].c3_eu_database_entry_url")).startsWith("https://");
        assertThat(export.getList("records[0].missing_required")).containsExactlyInAnyOrder("c1_deployer.address",
                "c5_data_protection_impact_assessment_summary_url");
        assertThat(export.getList("unmapped")).contains("c2_submitted_on_behalf_of_deployer_by");
    }

    @Test
    void csvExports() {
        Response csv = given().get("/api/v1/registry/exports/atrs?format=csv&departement=06");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.asString().split("\r\n");
        assertThat(lines[0]).startsWith("tier_1.name,tier_1.description,tier_1.website,tier_1.contact_email");
        assertThat(lines).hasSize(1 + 19);
    }

    @Test
    void theTerritoryOfADepartement() {
        JsonPath land = given().get("/api/v1/registry/territory/06").then().statusCode(200).extract().jsonPath();

        assertThat(land.getString("name")).isEqualTo("Alpes-Maritimes");
        assertThat(land.getList("communes")).hasSize(163);
        assertThat(land.getList("epcis")).hasSize(7);
        Map<String, Object> beausoleil = land.<Map<String, Object>>getList("communes").stream()
                .filter(c -> c.get("code").equals("06012")).findFirst().orElseThrow();
        assertThat(beausoleil).containsEntry("registered", true);
        assertThat((List<?>) beausoleil.get("publicUsages")).hasSize(1);
        assertThat(land.getList("others.kind")).contains("DEPARTEMENT", "ETABLISSEMENT_SCOLAIRE");
    }

    @Test
    void badRequests() throws Exception {
        assertProblem(given().get("/api/v1/registry/exports/wikipedia"), 404, "not-found");
        assertProblem(given().get("/api/v1/registry/exports/atrs?format=xml"), 400, "invalid-parameter");
        assertProblem(given().get("/api/v1/registry/usages?siren=123"), 400, "invalid-parameter");
        assertProblem(given().get("/api/v1/registry/usages?siren=210600995"), 404, "collectivite-not-found");
        assertProblem(given().get("/api/v1/registry/usages?departement=9Z"), 400, "invalid-parameter");
        assertProblem(given().get("/api/v1/registry/territory/99"), 400, "invalid-parameter");
        assertProblem(given().get("/api/v1/registry/usages?limit=1000000"), 400, "invalid-parameter");
    }

    private static Map<String, Object> record(JsonPath export, String field, String value) {
        return export.<Map<String, Object>>getList("records").stream().filter(r -> value.equals(r.get(field))).findFirst()
                .orElseThrow(() -> new AssertionError("no record with " + field + "=" + value));
    }
}
