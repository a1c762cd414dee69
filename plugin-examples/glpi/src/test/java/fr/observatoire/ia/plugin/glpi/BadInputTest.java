package fr.observatoire.ia.plugin.glpi;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every way GLPI can answer badly: a {@link PluginException} with an actionable message (transient only when
 * waiting helps), nothing of GLPI's answer and no secret in the message, the legacy session killed whenever it
 * was opened, and no batch, so the next pull from the same cursor counts everything once.
 */
class BadInputTest {
    private static final String INIT = "/apirest.php/initSession";
    private static final String SEARCH = "/apirest.php/search/Ticket";
    private static final String KILL = "/apirest.php/killSession";
    private static final String TOKEN = "/api.php/token";
    private static final String TICKETS = "/api.php/v2/Assistance/Ticket";
    private static final String CURSOR = "v1;opened-before=2025-01-07T00:00:00";
    private static final String[] SECRETS = {FakeGlpi.USER_TOKEN, FakeGlpi.APP_TOKEN, FakeGlpi.SESSION_TOKEN,
            FakeGlpi.CLIENT_SECRET, FakeGlpi.PASSWORD, FakeGlpi.ACCESS_TOKEN};

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

    enum Api { LEGACY, V2 }

    /**
     * @param sabotage settings made wrong for the case, if any
     * @param stubs    GLPI misbehaving
     * @param kills    killSession calls expected (1 when the legacy session was opened)
     */
    record Case(String name, Api api, Consumer<Map<String, String>> sabotage, Runnable stubs, boolean transientFailure,
                int kills, String... fragments) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("legacy: wrong user token, 401", Api.LEGACY, c -> c.put("user-token", "not-the-token"), () -> { },
                        false, 0, "HTTP 401 ERROR_GLPI_LOGIN_USER_TOKEN", "'observatoire.plugins.glpi.user-token'"),
                new Case("legacy: wrong app token, 400", Api.LEGACY, c -> c.put("app-token", "not-the-app-token"), () -> { },
                        false, 0, "HTTP 400 ERROR_WRONG_APP_TOKEN_PARAMETER", "'observatoire.plugins.glpi.app-token'"),
                new Case("legacy: login page instead of JSON", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(INIT)), Fixtures.html(200, "html/sso-login.html")),
                        false, 0, "not JSON", "text/html", "login"),
                new Case("legacy: redirection to a login page", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(INIT)), aResponse().withStatus(302)
                                .withHeader("Location", "https://sso.ville-exemple.fr/cas/login?service=glpi&user=martine.dupuis")),
                        false, 0, "HTTP 302", "redirection to sso.ville-exemple.fr", "'observatoire.plugins.glpi.url'"),
                new Case("legacy: no API there, 404", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(INIT)), Fixtures.html(404, "html/proxy-502.html")),
                        false, 0, "HTTP 404", "API is enabled"),
                new Case("legacy: GLPI fails, 500", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.json(500, "legacy/error-sql.json")),
                        true, 1, "HTTP 500 ERROR_SQL", "retried"),
                new Case("legacy: proxy error page, 502", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.html(502, "html/proxy-502.html")),
                        true, 1, "HTTP 502"),
                new Case("legacy: GLPI too slow", Api.LEGACY, c -> c.put("timeout", "PT0.5S"),
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.json(200, "legacy/search-empty.json").withFixedDelay(2000)),
                        true, 1, "did not answer", "within PT0.5S", "'observatoire.plugins.glpi.timeout'"),
                new Case("legacy: empty page while the total says more", Api.LEGACY, c -> c.put("categories.incident", "42:FACTUAL_ERROR"),
                        () -> {
                            page("0-4", "search-42-page-1.json", "0-4/12");
                            stub(get(urlPathEqualTo(SEARCH)).withQueryParam("range", equalTo("5-9")),
                                    Fixtures.json(206, "legacy/search-empty.json").withBody("{\"totalcount\":12,\"count\":0}")
                                            .withHeader("Content-Range", "5-4/12"));
                        }, true, 1, "empty page", "category 42, tickets 5-9"),
                new Case("legacy: the total changes between pages", Api.LEGACY, c -> c.put("categories.incident", "42:FACTUAL_ERROR"),
                        () -> {
                            page("0-4", "search-42-page-1.json", "0-4/12");
                            stub(get(urlPathEqualTo(SEARCH)).withQueryParam("range", equalTo("5-9")),
                                    aResponse().withStatus(206).withHeader("Content-Range", "5-9/13").withBody(
                                            Fixtures.text("legacy/search-42-page-2.json").replace("\"totalcount\": 12", "\"totalcount\": 13")));
                        }, true, 1, "changed while the plugin was paging (12 then 13)"),
                new Case("legacy: rows removed meanwhile, range beyond the total", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), aResponse().withStatus(400)
                                .withBody("[\"ERROR_RANGE_EXCEED_TOTAL\",\"Provided range exceed total count of data: 3\"]")),
                        true, 1, "ERROR_RANGE_EXCEED_TOTAL", "removed while the plugin was paging"),
                new Case("legacy: missing field", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.json(200, "legacy/search-42-missing-priority.json")
                                .withHeader("Content-Range", "0-4/5")),
                        false, 1, "search option 3 (priority) is missing", "row 4 of category 42, tickets 0-4"),
                new Case("legacy: priority 9", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.json(200, "legacy/search-42-priority-9.json")
                                .withHeader("Content-Range", "0-4/5")),
                        false, 1, "ticket 1024 has priority 9", "'observatoire.plugins.glpi.severity.map'", "severity.map=9:S2"),
                new Case("legacy: non-numeric ticket id", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.json(200, "legacy/search-42-id-not-numeric.json")
                                .withHeader("Content-Range", "0-4/5")),
                        false, 1, "search option 2 (ticket id) is a text, not a whole number"),
                new Case("legacy: non-numeric priority", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), aResponse().withStatus(200).withHeader("Content-Range", "0-4/5")
                                .withBody(Fixtures.text("legacy/search-42-page-1.json").replace("\"3\": 4,", "\"3\": \"Très haute\",")
                                        .replace("\"totalcount\": 12", "\"totalcount\": 5"))),
                        false, 1, "search option 3 (priority) is a text, not a whole number"),
                new Case("legacy: truncated JSON", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.json(200, "legacy/search-42-truncated.json")
                                .withHeader("Content-Range", "0-4/5")),
                        false, 1, "not valid JSON"),
                new Case("legacy: no Content-Range", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.json(206, "legacy/search-42-page-1.json")),
                        false, 1, "Content-Range is missing"),
                new Case("legacy: Content-Range that is not one", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.json(206, "legacy/search-42-page-1.json")
                                .withHeader("Content-Range", "items 0-4 of 12")),
                        false, 1, "Content-Range is invalid"),
                new Case("legacy: Content-Range disagreeing with totalcount", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.json(206, "legacy/search-42-page-1.json")
                                .withHeader("Content-Range", "0-4/40")),
                        false, 1, "Content-Range is invalid"),
                new Case("legacy: Content-Range of another page", Api.LEGACY, c -> { },
                        () -> stub(get(urlPathEqualTo(SEARCH)), Fixtures.json(206, "legacy/search-42-page-1.json")
                                .withHeader("Content-Range", "5-9/12")),
                        false, 1, "Content-Range is invalid"),
                new Case("v2: wrong password", Api.V2, c -> c.put("password", "wrong"), () -> { },
                        false, 0, "HTTP 400 invalid_grant", "'observatoire.plugins.glpi.password'"),
                new Case("v2: wrong client secret", Api.V2, c -> c.put("client-secret", "wrong"), () -> { },
                        false, 0, "HTTP 401 invalid_client", "'observatoire.plugins.glpi.client-secret'"),
                new Case("v2: token endpoint behind a login page", Api.V2, c -> { },
                        () -> stub(post(urlPathEqualTo(TOKEN)), Fixtures.html(200, "html/sso-login.html")),
                        false, 0, "not JSON"),
                new Case("v2: access token refused", Api.V2, c -> { },
                        () -> stub(get(urlPathEqualTo(TICKETS)), aResponse().withStatus(401)
                                .withBody("{\"status\":\"ERROR_UNAUTHENTICATED\",\"title\":\"You are not authenticated\"}")),
                        false, 0, "HTTP 401 ERROR_UNAUTHENTICATED", "access token was refused"),
                new Case("v2: service unavailable", Api.V2, c -> { },
                        () -> stub(get(urlPathEqualTo(TICKETS)), Fixtures.html(503, "html/proxy-502.html")),
                        true, 0, "HTTP 503"),
                new Case("v2: no Content-Range", Api.V2, c -> { },
                        () -> stub(get(urlPathEqualTo(TICKETS)), Fixtures.json(206, "v2/tickets-42-page-1.json")),
                        false, 0, "Content-Range is missing"),
                new Case("v2: an object instead of the list", Api.V2, c -> { },
                        () -> stub(get(urlPathEqualTo(TICKETS)), Fixtures.json(200, "v2/error-invalid-grant.json")
                                .withHeader("Content-Range", "0-4/1")),
                        false, 0, "not a list of tickets"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsClearlyAndLosesNothing(Case c) throws Exception {
        Map<String, String> base = c.api() == Api.LEGACY ? glpi.legacyConfig() : glpi.v2Config();
        Map<String, String> config = new java.util.LinkedHashMap<>(base);
        c.sabotage().accept(config);
        glpi.add(tickets());
        c.stubs().run();
        Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
        GlpiPlugin plugin = Plugins.started(config, clock);

        PluginException failure = pullFails(plugin);

        assertThat(failure.isTransient()).as("transient").isEqualTo(c.transientFailure());
        assertThat(failure.getMessage()).contains(c.fragments());
        assertNothingLeaks(failure);
        assertThat(glpi.calls(KILL)).as("killSession calls").isEqualTo(c.kills());

        // GLPI is back (or the setting fixed): the same cursor gives every ticket, once.
        glpi.reset();
        glpi.add(tickets());
        GlpiPlugin fixed = config.equals(base) ? plugin : Plugins.started(base, clock);
        PullBatch batch = fixed.pull(Optional.of(CURSOR), PullProgress.NONE);
        assertThat(batch.records()).isEqualTo(tickets().size() - 1); // one was opened before the cursor
        assertThat(batch.cursor()).isEqualTo(Fixtures.CURSOR_AT_NOW);
    }

    @Test
    void unreachableGlpiIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> config = glpi.legacyConfig();
        config.put("url", "http://127.0.0.1:" + closedPort + "/glpi/");
        GlpiPlugin plugin = Plugins.started(config, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

        PluginException failure = pullFails(plugin);

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.getMessage()).contains("cannot connect to 127.0.0.1:" + closedPort, "https.proxyHost");
        assertNothingLeaks(failure);
    }

    @Test
    void aDamagedCursorIsReportedNotReset() throws Exception {
        GlpiPlugin plugin = Plugins.started(glpi.legacyConfig(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> plugin.pull(Optional.of("offset=1234"), PullProgress.NONE))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("'offset=1234' is not of the form v1;opened-before=");
        assertThat(glpi.calls(INIT)).isZero();
    }

    @Test
    void aFailingProgressListenerDoesNotFailThePull() throws Exception {
        glpi.add(tickets());
        GlpiPlugin plugin = Plugins.started(glpi.legacyConfig(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

        PullBatch batch = plugin.pull(Optional.of(CURSOR), (done, total) -> {
            throw new IllegalStateException("display gone");
        });

        assertThat(batch.records()).isEqualTo(tickets().size() - 1);
    }

    @Test
    void pullBeforeStartIsRefused() {
        assertThatThrownBy(() -> new GlpiPlugin().pull(Optional.empty(), PullProgress.NONE))
                .isInstanceOf(PluginException.class).hasMessageContaining("not started");
    }

    /** Seven tickets of the three categories, one opened before the cursor. */
    static List<FakeTicket> tickets() {
        List<FakeTicket> tickets = new ArrayList<>();
        tickets.add(FakeTicket.of(2001, 42, LocalDateTime.parse("2025-01-06T23:59:59"), 3, "Entité racine > Ville de Grasse"));
        tickets.add(FakeTicket.of(2002, 42, LocalDateTime.parse("2025-01-07T00:00:00"), 3, "Entité racine > Ville de Grasse"));
        tickets.add(FakeTicket.of(2003, 42, LocalDateTime.parse("2025-01-07T08:15:00"), 5, "Entité racine > Ville de Grasse > Urbanisme"));
        tickets.add(FakeTicket.of(2004, 43, LocalDateTime.parse("2025-01-07T09:00:00"), 4, "Entité racine > Ville de Grasse"));
        tickets.add(FakeTicket.of(2005, 57, LocalDateTime.parse("2025-01-07T10:30:00"), 2, "Entité racine > Ville de Grasse > État civil"));
        tickets.add(FakeTicket.of(2006, 57, LocalDateTime.parse("2025-01-08T09:59:59"), 2, "Entité racine > Ville de Grasse > Urbanisme"));
        tickets.add(FakeTicket.of(2007, 42, LocalDateTime.parse("2025-01-07T17:45:00"), 1, "Entité racine > Ville de Grasse"));
        return tickets;
    }

    private static PluginException pullFails(GlpiPlugin plugin) {
        try {
            PullBatch batch = plugin.pull(Optional.of(CURSOR), PullProgress.NONE);
            return fail("expected a PluginException, got " + batch);
        } catch (PluginException e) {
            return e;
        } catch (RuntimeException e) {
            return fail("only PluginException may leave pull()", e);
        }
    }

    /** Neither the message nor any cause's message holds GLPI data (the fixtures are full of it) or a secret. */
    static void assertNothingLeaks(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String marker : FakeTicket.PERSONAL_MARKERS) {
                assertThat(message).doesNotContainIgnoringCase(marker);
            }
            assertThat(message).doesNotContain("Martine", "Karim", "<html", "<!DOCTYPE", "Erreur SQL", "credentials were incorrect");
            assertThat(message).doesNotContain(SECRETS);
        }
    }

    private static void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        glpi.server().stubFor(request.atPriority(1).willReturn(response));
    }

    private static void page(String range, String fixture, String contentRange) {
        stub(get(urlPathEqualTo(SEARCH)).withQueryParam("range", equalTo(range)),
                Fixtures.json(206, "legacy/" + fixture).withHeader("Content-Range", contentRange));
    }

}
