package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The legacy API ({@code apirest.php}) answering with the stored fixtures, shaped as GLPI's apirest.md says. */
class LegacyApiTest {
    private static FakeGlpi glpi;

    @BeforeAll
    static void startGlpi() {
        glpi = new FakeGlpi();
    }

    @AfterAll
    static void stopGlpi() {
        glpi.close();
    }

    @BeforeEach
    void reset() {
        glpi.reset();
    }

    static Map<String, String> category42Only(Map<String, String> config) {
        config.put("categories.incident", "42:FACTUAL_ERROR");
        config.remove("categories.usage-request");
        return config;
    }

    /** apirest.md: 206 while pages remain; GLPI's code answers 206 on the last page of a multi-page result too. */
    @ParameterizedTest
    @ValueSource(ints = {200, 206})
    void pagesThroughThreePagesWithContentRange(int lastPageStatus) throws Exception {
        stubPage("0-4", 206, "search-42-page-1.json", "0-4/12");
        stubPage("5-9", 206, "search-42-page-2.json", "5-9/12");
        stubPage("10-14", lastPageStatus, "search-42-page-3.json", "10-11/12");
        List<Long> progress = new ArrayList<>();
        GlpiPlugin plugin = Plugins.started(category42Only(glpi.legacyConfig()), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

        PullBatch batch = plugin.pull(Optional.empty(), (done, total) -> progress.add(done));

        assertThat(batch.incidents()).isEqualTo(Fixtures.twelveFactualErrors());
        assertThat(batch.activity()).isEmpty();
        assertThat(batch.records()).isEqualTo(12);
        assertThat(batch.cursor()).isEqualTo(Fixtures.CURSOR_AT_NOW);
        assertThat(progress).containsExactly(5L, 10L, 12L);
        assertThat(glpi.calls("/apirest.php/killSession")).isEqualTo(1);
    }

    @Test
    void searchesOneCategoryInTheWindowWithOnlyTheColumnsItNeeds() throws Exception {
        stubPage("0-4", 206, "search-42-page-1.json", "0-4/12");
        stubPage("5-9", 206, "search-42-page-2.json", "5-9/12");
        stubPage("10-14", 200, "search-42-page-3.json", "10-11/12");
        GlpiPlugin plugin = Plugins.started(category42Only(glpi.legacyConfig()), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

        plugin.pull(Optional.empty(), PullProgress.NONE);

        List<Map<String, String>> searches = glpi.requests("/apirest.php/search/Ticket");
        assertThat(searches).extracting(q -> q.get("range")).containsExactly("0-4", "5-9", "10-14");
        assertThat(searches.get(0)).containsEntry("criteria[0][field]", "7")
                .containsEntry("criteria[0][searchtype]", "equals")
                .containsEntry("criteria[0][value]", "42")
                .containsEntry("criteria[1][link]", "AND")
                .containsEntry("criteria[1][field]", "15")
                .containsEntry("criteria[1][searchtype]", "morethan")
                .containsEntry("criteria[1][value]", "2025-01-05 23:59:59")
                .containsEntry("criteria[2][link]", "AND")
                .containsEntry("criteria[2][field]", "15")
                .containsEntry("criteria[2][searchtype]", "lessthan")
                .containsEntry("criteria[2][value]", "2025-01-08 10:00:00")
                .containsEntry("sort", "2")
                .containsEntry("order", "ASC");
        assertThat(searches.get(0).keySet().stream().filter(k -> k.startsWith("forcedisplay")).map(searches.get(0)::get))
                .containsExactly("2", "3", "80");
        glpi.server().verify(1, getRequestedFor(urlPathEqualTo("/apirest.php/initSession"))
                .withHeader("Authorization", equalTo("user_token " + FakeGlpi.USER_TOKEN))
                .withHeader("App-Token", equalTo(FakeGlpi.APP_TOKEN)));
        glpi.server().verify(3, getRequestedFor(urlPathEqualTo("/apirest.php/search/Ticket"))
                .withHeader("Session-Token", equalTo(FakeGlpi.SESSION_TOKEN))
                .withHeader("App-Token", equalTo(FakeGlpi.APP_TOKEN)));
        glpi.server().verify(1, getRequestedFor(urlPathEqualTo("/apirest.php/killSession"))
                .withHeader("Session-Token", equalTo(FakeGlpi.SESSION_TOKEN)));
    }

    @Test
    void anEmptyResultHasNoDataAndNoContentRange() throws Exception {
        glpi.server().stubFor(get(urlPathEqualTo("/apirest.php/search/Ticket")).atPriority(1)
                .willReturn(Fixtures.json(200, "legacy/search-empty.json")));
        GlpiPlugin plugin = Plugins.started(category42Only(glpi.legacyConfig()), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

        PullBatch batch = plugin.pull(Optional.empty(), PullProgress.NONE);

        assertThat(batch.incidents()).isEmpty();
        assertThat(batch.records()).isZero();
        assertThat(batch.cursor()).isEqualTo(Fixtures.CURSOR_AT_NOW);
    }

    @Test
    void usageRequestsCountPerUsageAndServiceOfTheEntity() throws Exception {
        Map<String, String> config = glpi.legacyConfig();
        config.remove("categories.incident");
        config.put("categories.usage-request", "42:redaction-courriers");
        config.put("entities", "Entité racine > Ville de Grasse > Urbanisme:URBAN_PLANNING");
        config.put("default-service", "GENERAL_MANAGEMENT");
        stubPage("0-4", 206, "search-42-page-1.json", "0-4/12");
        stubPage("5-9", 206, "search-42-page-2.json", "5-9/12");
        stubPage("10-14", 200, "search-42-page-3.json", "10-11/12");
        GlpiPlugin plugin = Plugins.started(config, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

        PullBatch batch = plugin.pull(Optional.empty(), PullProgress.NONE);

        // Entities cycle Urbanisme, État civil, the city itself, Urbanisme > Droit des sols (a sub-entity of Urbanisme).
        assertThat(batch.activity()).isEqualTo(Map.of(
                new PullBatch.ActivityKey("redaction-courriers", fr.observatoire.ia.model.Service.URBAN_PLANNING,
                        fr.observatoire.ia.model.ActionKind.USAGE_REQUEST), 6L,
                new PullBatch.ActivityKey("redaction-courriers", fr.observatoire.ia.model.Service.GENERAL_MANAGEMENT,
                        fr.observatoire.ia.model.ActionKind.USAGE_REQUEST), 6L));
        assertThat(batch.incidents()).isEmpty();
    }

    /** A GLPI plugin file saved with a byte order mark makes PHP print it before each answer. */
    @Test
    void anAnswerStartingWithAByteOrderMarkIsRead() throws Exception {
        glpi.server().stubFor(get(urlPathEqualTo("/apirest.php/initSession")).atPriority(1).willReturn(
                Fixtures.json(200, "legacy/initSession.json").withBody("\uFEFF" + Fixtures.text("legacy/initSession.json"))));
        glpi.add(BadInputTest.tickets());

        PullBatch batch = Plugins.started(glpi.legacyConfig(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC))
                .pull(Optional.empty(), PullProgress.NONE);

        assertThat(batch.records()).isEqualTo(BadInputTest.tickets().size());
    }

    private static void stubPage(String range, int status, String fixture, String contentRange) {
        glpi.server().stubFor(get(urlPathEqualTo("/apirest.php/search/Ticket")).withQueryParam("range", equalTo(range))
                .atPriority(1).willReturn(Fixtures.json(status, "legacy/" + fixture).withHeader("Content-Range", contentRange)));
    }
}
