package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PluginException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GLPI 11's v2 API answering with the stored fixtures. */
class V2ApiTest {
    private static final String TICKETS = "/api.php/v2/Assistance/Ticket";
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

    private static GlpiPlugin plugin() throws PluginException {
        return Plugins.started(LegacyApiTest.category42Only(glpi.v2Config()), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    }

    /** GLPI 11 answers 206 while start + limit &lt; total, and writes Content-Range end = start + limit - 1. */
    @ParameterizedTest
    @ValueSource(strings = {"10-11/12", "10-14/12"})
    void pagesWithStartLimitAndContentRange(String lastRange) throws Exception {
        stubPage("0", 206, "tickets-42-page-1.json", "0-4/12");
        stubPage("5", 206, "tickets-42-page-2.json", "5-9/12");
        stubPage("10", 200, "tickets-42-page-3.json", lastRange);

        PullBatch batch = plugin().pull(Optional.empty(), PullProgress.NONE);

        assertThat(batch.incidents()).isEqualTo(Fixtures.twelveFactualErrors());
        assertThat(batch.records()).isEqualTo(12);
        assertThat(batch.cursor()).isEqualTo(Fixtures.CURSOR_AT_NOW);
        List<Map<String, String>> searches = glpi.requests(TICKETS);
        assertThat(searches).extracting(q -> q.get("start")).containsExactly("0", "5", "10");
        assertThat(searches).allSatisfy(q -> assertThat(q)
                .containsEntry("filter", "category.id==42;date=ge=2025-01-06T00:00:00;date=lt=2025-01-08T10:00:00;is_deleted==false")
                .containsEntry("limit", "5")
                .containsEntry("sort", "id:asc"));
        glpi.server().verify(3, getRequestedFor(urlPathEqualTo(TICKETS))
                .withHeader("Authorization", equalTo("Bearer " + FakeGlpi.ACCESS_TOKEN)));
    }

    @Test
    void obtainsItsTokenWithThePasswordGrantAndTheApiScope() throws Exception {
        stubPage("0", 200, "tickets-42-page-3.json", "0-4/2");

        plugin().pull(Optional.empty(), PullProgress.NONE);

        glpi.server().verify(1, postRequestedFor(urlPathEqualTo("/api.php/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
        String form = glpi.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/api.php/token"))
                .findFirst().orElseThrow().getRequest().getBodyAsString();
        assertThat(FakeGlpi.decodeForm(form)).isEqualTo(Map.of(
                "grant_type", "password", "client_id", FakeGlpi.CLIENT_ID, "client_secret", FakeGlpi.CLIENT_SECRET,
                "username", FakeGlpi.USERNAME, "password", FakeGlpi.PASSWORD, "scope", "api"));
    }

    @Test
    void emptyResultWithGlpi11sContentRange() throws Exception {
        glpi.server().stubFor(get(urlPathEqualTo(TICKETS)).atPriority(1).willReturn(
                Fixtures.json(200, "v2/token.json").withBody("[]").withHeader("Content-Range", "0--1/0")));

        PullBatch batch = plugin().pull(Optional.empty(), PullProgress.NONE);

        assertThat(batch.incidents()).isEmpty();
        assertThat(batch.cursor()).isEqualTo(Fixtures.CURSOR_AT_NOW);
    }

    /** GLPI 11 drops a filter on a property it does not know instead of refusing it: the plugin notices. */
    @Test
    void aTicketOfAnotherCategoryMeansGlpiIgnoredTheFilter() throws Exception {
        stubPage("0", 200, "tickets-42-other-category.json", "0-4/2");

        assertThatThrownBy(() -> plugin().pull(Optional.empty(), PullProgress.NONE))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("category 12 when asked for category 42")
                .hasMessageContaining("ignored the filter on 'category.id'")
                .matches(e -> !((PluginException) e).isTransient());
    }

    @Test
    void aTicketOutsideTheWindowMeansGlpiIgnoredTheDateFilterOrTheZoneIsWrong() throws Exception {
        Map<String, String> config = LegacyApiTest.category42Only(glpi.v2Config());
        config.put("timezone", "America/Cayenne"); // GLPI writes +01:00 dates; read in Cayenne they move 4 hours back
        config.put("since", "2025-01-06T06:00:00");
        stubPage("0", 206, "tickets-42-page-1.json", "0-4/12");
        GlpiPlugin plugin = Plugins.started(config, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> plugin.pull(Optional.empty(), PullProgress.NONE))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("opened outside the window")
                .hasMessageContaining("observatoire.plugins.glpi.timezone");
    }

    /** Should GLPI ignore the trash filter, a trashed ticket is read but not counted. */
    @Test
    void aTrashedTicketIsNotCounted() throws Exception {
        glpi.server().stubFor(get(urlPathEqualTo(TICKETS)).atPriority(1).willReturn(Fixtures.json(200, "v2/token.json")
                .withBody(Fixtures.text("v2/tickets-42-page-3.json").replaceFirst("\"is_deleted\": false", "\"is_deleted\": true"))
                .withHeader("Content-Range", "0-4/2")));

        PullBatch batch = plugin().pull(Optional.empty(), PullProgress.NONE);

        assertThat(batch.records()).isEqualTo(2);
        assertThat(batch.incidents().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
    }

    private static void stubPage(String start, int status, String fixture, String contentRange) {
        glpi.server().stubFor(get(urlPathEqualTo(TICKETS)).withQueryParam("start", equalTo(start)).atPriority(1)
                .willReturn(Fixtures.json(status, "v2/" + fixture).withHeader("Content-Range", contentRange)));
    }
}
