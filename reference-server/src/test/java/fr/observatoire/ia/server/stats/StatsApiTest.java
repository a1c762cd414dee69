package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.server.support.StatsProfile;
import fr.observatoire.ia.server.support.StatsTerritory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics API over declarations sent through the real API ({@link StatsTerritory}): figures, confidentiality
 * marks, differencing between queries, and refusals of bad queries.
 */
@QuarkusTest
@TestProfile(StatsProfile.class)
class StatsApiTest {
    private static final String MONTH = TimeGrain.MONTH.format(TimeGrain.MONTH.start(StatsTerritory.latestMonday()));

    @BeforeEach
    void seed() {
        StatsTerritory.seed();
    }

    private static JsonPath stats(Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(Map.of("period", "month", "from", MONTH, "to", MONTH));
        all.putAll(parameters);
        Response response = given().queryParams(all).get("/api/v1/stats");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    private static Map<String, Object> cell(JsonPath result, String dimension, String value) {
        List<Map<String, Object>> cells = result.getList("cells");
        return cells.stream().filter(c -> value.equals(c.get(dimension))).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + dimension + "=" + value + " in " + cells));
    }

    @Test
    void usagesByPurposeHideTheSmallCellAndItsPartner() {
        JsonPath result = stats(Map.of("measure", "usages", "by", "purpose", "departement", "06"));

        assertThat(result.getList("dimensions")).containsExactly("departement", "purpose");
        assertThat(cell(result, "purpose", "DRAFTING")).containsEntry("value", 14).containsEntry("collectivites", 14)
                .containsEntry("suppressed", false);
        // Statistics-only usages count in the statistics.
        assertThat(cell(result, "purpose", "CITIZEN_CHATBOT")).containsEntry("value", 6).containsEntry("suppressed", false);
        assertThat(cell(result, "purpose", "DECISION_SUPPORT")).containsEntry("suppressed", true)
                .containsEntry("reason", "fewer-than-3-collectivites");
        assertThat(cell(result, "purpose", "DECISION_SUPPORT").get("value")).isNull();
        assertThat(cell(result, "purpose", "DECISION_SUPPORT").get("collectivites")).isNull();
        // Alone hidden, it would be the département's total minus the published purposes: the next smallest goes too.
        assertThat(cell(result, "purpose", "TRANSCRIPTION")).containsEntry("suppressed", true).containsEntry("reason", "secondary");
        assertThat(result.getMap("labels.purpose")).containsKey("DRAFTING");
        assertThat(result.getString("labels.purpose.DRAFTING.fr")).isEqualTo("Rédaction");
        assertThat(result.getString("definition.fr")).contains("inventaire");
    }

    @Test
    void adoptionIsAShareOfTheWholeReferential() {
        JsonPath result = stats(Map.of("measure", "adoption", "by", "epci", "departement", "06"));

        Map<String, Object> riviera = cell(result, "epci", StatsTerritory.RIVIERA);
        // 15 communes and the EPCI itself; 6 communes declared.
        assertThat(riviera).containsEntry("collectivites", 6).containsEntry("referentialCollectivites", 16).containsEntry("suppressed", false);
        assertThat(((Number) riviera.get("value")).doubleValue()).isEqualTo(0.375);
        assertThat(cell(result, "epci", StatsTerritory.GRASSE)).containsEntry("collectivites", 4).containsEntry("suppressed", false);
        assertThat(cell(result, "epci", StatsTerritory.PAILLONS)).containsEntry("suppressed", true)
                .containsEntry("reason", "fewer-than-3-collectivites");
        // An EPCI where nobody declared is a published 0 %, against all its communes.
        Map<String, Object> cannes = cell(result, "epci", "200039915");
        assertThat(cannes).containsEntry("collectivites", 0).containsEntry("suppressed", false).containsEntry("referentialCollectivites", 6);
        assertThat(result.getString("labels.epci.240600551.fr")).isEqualTo("CA de la Riviera Française");
    }

    /** Département total against département minus one EPCI: what the published EPCI leave is never one collectivité. */
    @Test
    void theDepartementTotalMinusItsPublishedEpciIsNeverASingleCollectivite() {
        JsonPath total = stats(Map.of("measure", "adoption", "departement", "06"));
        Map<String, Object> departement = cell(total, "departement", "06");
        // 13 collectivités of the referential declared (the collège is not one).
        assertThat(departement).containsEntry("suppressed", false).containsEntry("collectivites", 13);

        JsonPath byEpci = stats(Map.of("measure", "adoption", "by", "epci", "departement", "06"));
        List<Map<String, Object>> cells = byEpci.getList("cells");
        int published = cells.stream().filter(c -> !(Boolean) c.get("suppressed")).mapToInt(c -> (Integer) c.get("collectivites")).sum();
        List<Map<String, Object>> hidden = cells.stream().filter(c -> (Boolean) c.get("suppressed")).toList();
        assertThat(hidden).hasSizeGreaterThanOrEqualTo(2);
        assertThat((Integer) departement.get("collectivites") - published).as("left to the hidden EPCI").isGreaterThanOrEqualTo(3);
    }

    /** A value asked for with a filter is the same cell as in the breakdown, published or hidden the same way. */
    @Test
    void overlappingFiltersGiveTheSameCells() {
        JsonPath breakdown = stats(Map.of("measure", "usages", "by", "purpose", "departement", "06"));
        for (String purpose : List.of("DRAFTING", "TRANSCRIPTION", "DECISION_SUPPORT")) {
            JsonPath filtered = stats(Map.of("measure", "usages", "departement", "06", "purpose", purpose));
            Map<String, Object> one = filtered.getList("cells").isEmpty() ? Map.of() : filtered.<Map<String, Object>>getList("cells").get(0);
            assertThat(one).isEqualTo(cell(breakdown, "purpose", purpose));
        }
    }

    @Test
    void countsOfPeopleAreNeverPublishedUnderEleven() {
        JsonPath result = stats(Map.of("measure", "agents", "by", "purpose", "departement", "06"));

        assertThat(cell(result, "purpose", "DRAFTING")).containsEntry("value", 42).containsEntry("suppressed", false);
        // Four collectivités, one or two agents each: counted as 4, under 11.
        assertThat(cell(result, "purpose", "TRANSCRIPTION")).containsEntry("reason", "fewer-than-11-people");
        // The two hidden cells add up to 7 people, still under 11: the chatbot's 18 go with them.
        assertThat(cell(result, "purpose", "CITIZEN_CHATBOT")).containsEntry("reason", "secondary");
    }

    @Test
    void oneCollectiviteAboveEightyFivePerCentHidesTheCell() {
        JsonPath result = stats(Map.of("measure", "activity", "departement", "06"));

        assertThat(cell(result, "departement", "06")).containsEntry("suppressed", true).containsEntry("reason", "dominance");
    }

    @Test
    void aCommuneIsOneCollectiviteSoItsCellsAreHiddenOrZero() {
        JsonPath result = stats(Map.of("measure", "adoption", "by", "commune", "epci", StatsTerritory.RIVIERA));

        List<Map<String, Object>> cells = result.getList("cells");
        assertThat(cells).hasSize(15);
        assertThat(cells).allSatisfy(c -> assertThat((Boolean) c.get("suppressed") || ((Integer) c.get("collectivites")) == 0).isTrue());
        assertThat(cells.stream().filter(c -> (Boolean) c.get("suppressed"))).hasSize(6)
                .allSatisfy(c -> assertThat(c.get("reason")).isEqualTo("fewer-than-3-collectivites"));
    }

    @Test
    void definitionsInFrenchAndEnglish() {
        JsonPath definitions = given().get("/api/v1/stats/definitions").then().statusCode(200).extract().jsonPath();

        assertThat(definitions.getList("measures.id")).containsExactly("adoption", "usages", "agents", "activity", "incidents");
        assertThat(definitions.getString("measures[0].definition.en")).contains("referential");
        assertThat(definitions.getString("rules.reasons.fewer-than-3-collectivites.fr")).isEqualTo("moins de 3 collectivités");
        assertThat(definitions.getList("departements")).hasSize(101);
        assertThat(definitions.getString("periods.find { it.id == 'month' }.current"))
                .isEqualTo(TimeGrain.MONTH.format(TimeGrain.MONTH.start(LocalDate.now(StatsService.PARIS))));
    }

    @Test
    void badQueriesAreRefusedWithAProblemNeverAServerError() throws Exception {
        String future = TimeGrain.MONTH.format(TimeGrain.MONTH.start(LocalDate.now(StatsService.PARIS)).plusMonths(1));
        Object[][] cases = {
                {Map.of("measure", "usages", "by", "colour"), 400, "unknown-dimension"},
                {Map.of("measure", "incidents", "by", "purpose"), 400, "unknown-dimension"},
                {Map.of("measure", "happiness"), 400, "unknown-measure"},
                {Map.of("by", "purpose"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "to", future), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "from", "2026-06", "to", "2026-03"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "from", "2020-01", "to", "2026-01"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "limit", "1000000"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "limit", "-1"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "offset", "x"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "departement", "99"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "epci", "210600889"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "epci", "210600888"), 422, "unknown-territory"},
                {Map.of("measure", "usages", "commune", "06999"), 422, "unknown-territory"},
                {Map.of("measure", "usages", "purpose", "POETRY"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "departemnt", "06"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "by", "stratum", "stratum", "UNDER_500"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "by", "purpose,purpose"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "by", "purpose,stratum,kind,governance"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "period", "decade"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "period", "week", "from", "2026-W54"), 400, "invalid-parameter"},
                {Map.of("measure", "usages", "period", "quarter", "from", "2026-03"), 400, "invalid-parameter"},
                {Map.of("measure", "adoption", "by", "commune"), 400, "invalid-parameter"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, String> parameters = (Map<String, String>) c[0];
            assertProblem(given().queryParams(parameters).get("/api/v1/stats"), (Integer) c[1], (String) c[2]);
        }
        assertProblem(given().queryParam("measure", "usages").queryParam("measure", "adoption").get("/api/v1/stats"), 400,
                "invalid-parameter");
    }

    @Test
    void everyPeriodAndAWholeYearOfWeeks() {
        for (String period : List.of("week", "month", "quarter", "year")) {
            JsonPath result = given().queryParam("measure", "incidents").queryParam("period", period).queryParam("by", "severity")
                    .get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
            assertThat(result.getString("period")).isEqualTo(period);
        }
        JsonPath weeks = given().queryParams(Map.of("measure", "usages", "period", "week", "from",
                TimeGrain.WEEK.format(TimeGrain.WEEK.minus(TimeGrain.WEEK.start(LocalDate.now(StatsService.PARIS)), 51))))
                .get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
        assertThat(weeks.getList("cells.period")).contains(TimeGrain.WEEK.format(StatsTerritory.latestMonday()));
    }
}
