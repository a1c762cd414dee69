package fr.observatoire.ia.server.opendata;

import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.server.support.StatsProfile;
import fr.observatoire.ia.server.support.StatsTerritory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The open data: a Data Package whose every CSV is valid against its own Table Schema, and the same rows as JSON. */
@QuarkusTest
@TestProfile(StatsProfile.class)
class OpenDataTest {
    @BeforeEach
    void seed() {
        StatsTerritory.seed();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> datapackage() throws Exception {
        Response response = given().get("/opendata/datapackage.json");
        assertThat(response.statusCode()).isEqualTo(200);
        return ProtocolJson.mapper().readValue(response.asByteArray(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> csvResources(Map<String, Object> datapackage) {
        return ((List<Map<String, Object>>) datapackage.get("resources")).stream().filter(r -> "csv".equals(r.get("format"))).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDataPackageDescribesEveryFileUnderTheLicenceOuverte() throws Exception {
        Map<String, Object> datapackage = datapackage();

        assertThat(((List<Map<String, Object>>) datapackage.get("licenses")).get(0)).containsEntry("name", "etalab-2.0");
        assertThat(csvResources(datapackage)).extracting(r -> r.get("path")).containsExactly("statistiques-adoption.csv",
                "statistiques-usages.csv", "statistiques-incidents.csv", "registre-usages.csv");
        for (Map<String, Object> resource : csvResources(datapackage)) {
            assertThat(resource).containsEntry("profile", "tabular-data-resource").containsEntry("encoding", "utf-8").containsKey("licenses");
            List<Map<String, Object>> fields = (List<Map<String, Object>>) ((Map<String, Object>) resource.get("schema")).get("fields");
            for (Map<String, Object> field : fields) {
                assertThat(field).containsKeys("name", "type", "title", "description");
                assertThat(field.get("type")).isIn("integer", "number", "string", "date", "boolean");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCsvIsValidAgainstItsOwnSchemaAndTheJsonHasTheSameRows() throws Exception {
        for (Map<String, Object> resource : csvResources(datapackage())) {
            String path = (String) resource.get("path");
            Response csv = given().get("/opendata/" + path);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            String text = csv.asString();
            assertThat(TableSchemaValidator.validate(text, (Map<String, Object>) resource.get("schema"))).as(path).isEmpty();

            List<List<String>> rows = TableSchemaValidator.parse(text, new ArrayList<>());
            Map<String, Object> json = ProtocolJson.mapper().readValue(given().get("/opendata/" + path.replace(".csv", ".json")).asByteArray(), Map.class);
            assertThat((List<?>) json.get("rows")).as(path).hasSize(rows.size() - 1);
            assertThat(rows.size()).as(path + " has data").isGreaterThan(1);
        }
    }

    @Test
    void hiddenCellsAreEmptyWithAStatusAndTheRegisterHasNoStatisticsOnlyUsage() {
        String adoption = given().get("/opendata/statistiques-adoption.csv").asString();
        List<List<String>> rows = TableSchemaValidator.parse(adoption, new ArrayList<>());
        List<String> header = rows.get(0);
        int value = header.indexOf("valeur");
        int status = header.indexOf("statut");
        int reason = header.indexOf("motif");
        List<List<String>> secret = rows.stream().skip(1).filter(r -> r.get(status).equals("secret")).toList();
        assertThat(secret).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get(value)).isEmpty();
            assertThat(r.get(reason)).isNotEmpty();
        });
        assertThat(rows.stream().skip(1).filter(r -> r.get(status).equals("publie"))).allSatisfy(r -> assertThat(r.get(value)).isNotEmpty());

        String register = given().get("/opendata/registre-usages.csv").asString();
        assertThat(register).contains("redaction", "pre-instruction-aides").doesNotContain("chatbot-public");
    }

    @Test
    void unknownFiles() throws Exception {
        assertProblem(given().get("/opendata/secrets.csv"), 404, "not-found");
        assertProblem(given().get("/opendata/registre-usages.xlsx"), 404, "not-found");
    }
}
