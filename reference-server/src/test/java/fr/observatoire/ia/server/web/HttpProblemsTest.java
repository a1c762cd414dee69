package fr.observatoire.ia.server.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The framework's own refusals and the parameters of the read side answer with problem+json too. */
@QuarkusTest
class HttpProblemsTest {
    @Test
    void unknownRoute() throws Exception {
        assertProblem(given().get("/api/v1/nothing-here"), 404, "not-found");
        assertProblem(given().accept("text/html").get("/nothing-here"), 404, "not-found");
    }

    @Test
    void wrongMethod() throws Exception {
        assertProblem(given().get("/api/v1/enrolments"), 405, "method-not-allowed");
        assertProblem(given().delete("/api/v1/declarations"), 405, "method-not-allowed");
    }

    @Test
    void unacceptableMediaType() throws Exception {
        assertProblem(given().accept("application/xml").get("/api/v1/declarations"), 406, "not-acceptable");
    }

    @Test
    void listParameters() throws Exception {
        assertProblem(given().queryParam("limit", 501).get("/api/v1/declarations"), 400, "invalid-parameter");
        assertProblem(given().queryParam("limit", 0).get("/api/v1/declarations"), 400, "invalid-parameter");
        assertProblem(given().queryParam("limit", "abc").get("/api/v1/declarations"), 400, "invalid-parameter");
        assertProblem(given().queryParam("offset", -1).get("/api/v1/declarations"), 400, "invalid-parameter");
        assertProblem(given().queryParam("siren", "123456789").get("/api/v1/declarations"), 400, "invalid-parameter");
        given().queryParam("limit", 500).get("/api/v1/declarations").then().statusCode(200);
    }

    @Test
    void declarationIds() throws Exception {
        assertProblem(given().get("/api/v1/declarations/not-a-uuid"), 400, "invalid-parameter");
        assertProblem(given().get("/api/v1/declarations/0190f0c4-0000-7000-8000-000000000000"), 404, "not-found");
    }

    @Test
    void healthIncludesTheDatabase() {
        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(health).contains("\"status\": \"UP\"").contains("Database connections health check");
    }

    @Test
    void openApiDescribesTheApi() {
        String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/v1/declarations", "/api/v1/enrolments", "/api/v1/admin/collectivites");
    }
}
