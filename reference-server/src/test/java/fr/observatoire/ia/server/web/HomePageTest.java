package fr.observatoire.ia.server.web;

import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.TestDeclarations;
import fr.observatoire.ia.server.support.TestSirens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class HomePageTest {
    @Test
    void listsCollectivitesAndDeclarationsInFrenchWithoutExternalResources() {
        Enrolled commune = ObservatoireClient.enrolledCommune("Saint-Martin-<Vésubie> & Cie");
        ObservatoireClient.registerCommune(TestSirens.random(), "Commune sans clé");
        ObservatoireClient.submit(TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()))).then().statusCode(201);
        long total = given().queryParam("limit", 500).get("/api/v1/declarations").jsonPath().getList("").size();

        String html = given().accept("text/html").get("/").then().statusCode(200).contentType("text/html").extract().asString();

        assertThat(html).contains("<html lang=\"fr\">", "<title>Observatoire de l'IA dans les collectivités</title>");
        assertThat(html).contains("Saint-Martin-&lt;Vésubie&gt; &amp; Cie").doesNotContain("<Vésubie>");
        assertThat(html).contains("Commune sans clé", "en attente d'enrôlement", "semaine du");
        assertThat(html).containsPattern("<strong>" + total + "</strong> déclarations? vérifiées?");
        assertThat(html).doesNotContain("<script", "http://", "https://");
        assertThat(html).contains("href=\"/tableau-de-bord\"", "href=\"/opendata/datapackage.json\"");
    }
}
