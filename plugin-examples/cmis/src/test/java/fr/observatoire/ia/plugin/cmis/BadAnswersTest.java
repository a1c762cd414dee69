package fr.observatoire.ia.plugin.cmis;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every way a repository (or what stands in front of it) can answer wrong ends in a {@link PluginException}
 * that says what to do, transient only when waiting can fix it; the pull returns no batch, so the cursor stays.
 */
class BadAnswersTest extends StubbedRepository {
    private static final String ONE_DOCUMENT = "{\"results\":[{\"succinctProperties\":{\"cmis:objectId\":\"a;1.0\","
            + "\"cmis:creationDate\":1718000000000}}],\"hasMoreItems\":false,\"numItems\":1}";
    private static final String ALFRESCO_401 = "{\"error\":{\"errorKey\":\"framework.exception.ApiDefault\",\"statusCode\":401,"
            + "\"briefSummary\":\"09120001 Authentication failed for Jeanne Sensible\",\"stackTrace\":\"For security reasons the stack "
            + "trace is no longer displayed, but the property is kept for previous versions\",\"descriptionURL\":\"https://api-explorer.alfresco.com\"}}";

    @Test
    void unauthorizedNamesTheCredentialSettings() {
        answer(jsonError(401, ALFRESCO_401));

        failure(settings(ALFRESCO)).hasMessageContaining("HTTP 401 (framework.exception.ApiDefault)")
                .hasMessageContaining("observatoire.plugins.cmis.username").hasMessageContaining("observatoire.plugins.cmis.password");
        failure(settings(ALFRESCO, "username", null, "password", null, "ticket", "TICKET_4d0c2b"))
                .hasMessageContaining("observatoire.plugins.cmis.ticket").hasMessageContaining("expired");
        failure(settings(ALFRESCO, "username", null, "password", null)).hasMessageContaining("no credentials are configured");
        assertThat(transientFlag(settings(ALFRESCO))).isFalse();
    }

    @Test
    void aTicketIsSentAsAlfrescoExpectsIt() throws PluginException {
        server.stubFor(get(urlPathEqualTo(ALFRESCO)).withHeader("Authorization", equalTo("Basic VElDS0VUXzRkMGMyYg=="))
                .willReturn(jsonBody(ONE_DOCUMENT)));

        assertThat(pull(started(settings(ALFRESCO, "username", null, "password", null, "ticket", "TICKET_4d0c2b")), null).records()).isEqualTo(1);
    }

    @Test
    void forbiddenSaysTheAccountLacksRights() {
        answer(jsonError(403, "{\"exception\":\"permissionDenied\",\"message\":\"Access denied to Mme Jeanne Sensible's folder\"}"));

        failure(settings(NUXEO)).hasMessageContaining("HTTP 403 (permissionDenied)").hasMessageContaining("read access")
                .hasMessageContaining("observatoire.plugins.cmis.username");
    }

    @Test
    void notFoundPointsAtTheUrl() {
        answer(aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("<html>Not Found</html>"));

        failure(settings(NUXEO)).hasMessageContaining("HTTP 404").hasMessageContaining("check observatoire.plugins.cmis.url")
                .hasMessageContaining("/nuxeo/json/cmis/default");
    }

    @Test
    void aRefusedQueryPointsAtTheMarkerSettings() {
        answer(jsonError(400, "{\"exception\":\"invalidArgument\",\"message\":\"Unknown property ia:generated\"}"));

        failure(settings(ALFRESCO)).hasMessageContaining("(invalidArgument)").hasMessageContaining("observatoire.plugins.cmis.marker.property");
    }

    @Test
    void serverErrorsAreTransient() {
        answer(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"exception\":\"runtime\",\"message\":\"org.alfresco.error.AlfrescoRuntimeException: 05120032\"}"));
        failure(settings(ALFRESCO)).hasMessageContaining("HTTP 500 (runtime)").hasMessageContaining("tried again");
        assertThat(transientFlag(settings(ALFRESCO))).isTrue();

        answer(aResponse().withStatus(503).withBody("Service Unavailable"));
        assertThat(transientFlag(settings(ALFRESCO))).isTrue();
    }

    @Test
    void aSlowRepositoryTimesOutTransiently() {
        answer(jsonBody(ONE_DOCUMENT).withFixedDelay(3000));

        failure(settings(NUXEO, "timeout", "PT0.3S")).hasMessageContaining("did not answer within PT0.3S")
                .hasMessageContaining("observatoire.plugins.cmis.timeout");
        assertThat(transientFlag(settings(NUXEO, "timeout", "PT0.3S"))).isTrue();
    }

    @Test
    void anUnreachableRepositoryIsTransient() throws IOException, PluginException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> settings = settings(NUXEO, "url", "http://127.0.0.1:" + closedPort + NUXEO);

        PluginException e = thrown(settings);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains("cannot be reached").contains("observatoire.plugins.cmis.url");
    }

    @Test
    void anSsoLoginPageInsteadOfJsonIsExplained() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody("<!DOCTYPE html><html><head><title>Connexion - Portail agents</title></head><body><form id=\"kc-form-login\">"
                        + "<input name=\"username\" value=\"jeanne.sensible\"></form></body></html>"));
        failure(settings(ALFRESCO)).hasMessageContaining("HTML page instead of JSON").hasMessageContaining("SSO");

        answer(aResponse().withStatus(302).withHeader("Location", "https://sso.mairie.example/cas/login?service=https%3A%2F%2Fged%2F"));
        failure(settings(ALFRESCO)).hasMessageContaining("redirects to https://sso.mairie.example/cas/login,")
                .hasMessageNotContaining("service=");
    }

    @Test
    void somethingThatIsNotJsonIsReportedWithoutItsContent() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("Jeanne Sensible {oops"));

        failure(settings(ALFRESCO)).hasMessageContaining("not JSON").hasMessageNotContaining("Jeanne");
    }

    @Test
    void aMissingFieldIsNamedByItsPlace() {
        answer(jsonBody("{\"results\":[{\"succinctProperties\":{\"cmis:objectId\":\"a\"}}],\"hasMoreItems\":false}"));
        failure(settings(ALFRESCO)).hasMessageContaining("results[0].succinctProperties.cmis:creationDate is missing");

        answer(jsonBody("{\"results\":[]}"));
        failure(settings(ALFRESCO)).hasMessageContaining("hasMoreItems is missing");

        answer(jsonBody("[]"));
        failure(settings(ALFRESCO)).hasMessageContaining("the answer is an array, expected an object");
    }

    @Test
    void anUnexpectedValueIsNamedByItsPlaceAndType() {
        answer(jsonBody("{\"results\":[{\"succinctProperties\":{\"cmis:objectId\":\"a\",\"cmis:creationDate\":\"2024-06-10T06:13:20.000Z\"}}],"
                + "\"hasMoreItems\":false}"));
        failure(settings(ALFRESCO)).hasMessageContaining("results[0].succinctProperties.cmis:creationDate is a string, expected a date in epoch milliseconds");

        answer(jsonBody("{\"results\":[{\"succinctProperties\":{\"cmis:objectId\":42,\"cmis:creationDate\":1}}],\"hasMoreItems\":false}"));
        failure(settings(ALFRESCO)).hasMessageContaining("cmis:objectId is a number, expected a non-empty string");

        answer(jsonBody("{\"results\":[],\"hasMoreItems\":\"no\"}"));
        failure(settings(ALFRESCO)).hasMessageContaining("hasMoreItems is a string, expected true or false");
    }

    @Test
    void searchApiShapesAreCheckedToo() {
        server.stubFor(post(urlPathEqualTo(ALFRESCO_SEARCH)).willReturn(jsonBody("{\"list\":{\"entries\":[]}}")));
        failure(settings(ALFRESCO, "mode", "alfresco-search")).hasMessageContaining("list.pagination is missing");

        server.stubFor(post(urlPathEqualTo(ALFRESCO_SEARCH)).willReturn(jsonBody("{\"list\":{\"pagination\":{\"hasMoreItems\":false},"
                + "\"entries\":[{\"entry\":{\"id\":\"a\",\"createdAt\":1718000000000}}]}}")));
        failure(settings(ALFRESCO, "mode", "alfresco-search")).hasMessageContaining("list.entries[0].entry.createdAt is a number, expected an ISO 8601 date");

        server.stubFor(post(urlPathEqualTo(ALFRESCO_SEARCH)).willReturn(jsonBody("{\"list\":{\"pagination\":{\"hasMoreItems\":false},"
                + "\"entries\":[{\"entry\":{\"id\":\"a\",\"createdAt\":\"10/06/2024\"}}]}}")));
        failure(settings(ALFRESCO, "mode", "alfresco-search")).hasMessageContaining("is a string that is not an ISO 8601 date");
    }

    @Test
    void anEmptyPageThatClaimsMoreStopsThePull() {
        answer(jsonBody("{\"results\":[],\"hasMoreItems\":true,\"numItems\":-1}"));

        failure(settings(NUXEO)).hasMessageContaining("empty page").hasMessageContaining("hasMoreItems=true");
    }

    @Test
    void hasMoreItemsForeverEndsInAClearError() {
        // A server that always answers the same page and always says more: its first page's date becomes the lower
        // bound, and the repeated older results show it does not apply the query.
        answer(jsonBody("{\"results\":[{\"succinctProperties\":{\"cmis:objectId\":\"a\",\"cmis:creationDate\":1718000000000}},"
                + "{\"succinctProperties\":{\"cmis:objectId\":\"b\",\"cmis:creationDate\":1718000001000}}],\"hasMoreItems\":true}"));
        failure(settings(NUXEO)).hasMessageContaining("did not apply the query as written");

        // A server that applies the query but says more even at the end: the empty page stops it.
        FakeRepository repository = new FakeRepository(null);
        for (int i = 0; i < 9; i++) {
            repository.add(new FakeRepository.Doc("d" + i, Instant.parse("2024-06-10T06:13:20Z").plusSeconds(i), null));
        }
        FAKE.serve(repository);
        FAKE.alwaysMore(true);
        answer(aResponse().withTransformers(FakeCmisServer.NAME));
        failure(settings(NUXEO, "page-size", "2")).hasMessageContaining("empty page");

        // Really many results: the page budget stops it, naming the setting.
        FAKE.alwaysMore(false);
        failure(settings(NUXEO, "page-size", "2", "max-pages", "3")).hasMessageContaining("after 3 pages of 2")
                .hasMessageContaining("observatoire.plugins.cmis.max-pages");
    }

    @Test
    void resultsOutOfOrderAreRefused() {
        answer(jsonBody("{\"results\":[{\"succinctProperties\":{\"cmis:objectId\":\"a\",\"cmis:creationDate\":1718000001000}},"
                + "{\"succinctProperties\":{\"cmis:objectId\":\"b\",\"cmis:creationDate\":1718000000000}}],\"hasMoreItems\":false}"));

        failure(settings(NUXEO)).hasMessageContaining("out of creation-date order");
    }

    @Test
    void resultsOutsideTheWindowAreRefused() {
        // 2024-06-12T00:00:00Z is the window's upper bound (the test clock, settle 0).
        answer(jsonBody("{\"results\":[{\"succinctProperties\":{\"cmis:objectId\":\"a\",\"cmis:creationDate\":1718150400000}}],"
                + "\"hasMoreItems\":false}"));

        failure(settings(NUXEO)).hasMessageContaining("newer than the query's upper bound");
    }

    @Test
    void aBugOfThePluginStillEndsInAPluginExceptionWithoutItsMessage() throws PluginException {
        CmisPlugin plugin = new CmisPlugin();
        plugin.start(new TestContext(settings(NUXEO), new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new IllegalStateException("Jeanne Sensible");
            }
        }));

        assertThatThrownBy(() -> pull(plugin, null)).isInstanceOf(PluginException.class)
                .hasMessageContaining("internal error of the cmis plugin (java.lang.IllegalStateException at ")
                .hasMessageNotContaining("Sensible").hasNoCause();
    }

    @Test
    void aFailureOnALaterPageCountsNothingAndTheRetryCountsEverything() throws PluginException {
        server.stubFor(get(urlPathEqualTo(NUXEO)).withQueryParam("q", notContaining(">=")).willReturn(jsonBody(
                "{\"results\":[{\"succinctProperties\":{\"cmis:objectId\":\"a\",\"cmis:creationDate\":1718000000000}}],\"hasMoreItems\":true}")));
        server.stubFor(get(urlPathEqualTo(NUXEO)).withQueryParam("q", containing(">=")).willReturn(aResponse().withStatus(502)));
        CmisPlugin plugin = started(settings(NUXEO));
        assertThatThrownBy(() -> pull(plugin, null)).isInstanceOf(PluginException.class);

        server.stubFor(get(urlPathEqualTo(NUXEO)).withQueryParam("q", containing(">=")).willReturn(jsonBody(
                "{\"results\":[{\"succinctProperties\":{\"cmis:objectId\":\"b\",\"cmis:creationDate\":1718000005000}}],\"hasMoreItems\":false}")));
        PullBatch retried = pull(plugin, null);

        assertThat(retried.records()).isEqualTo(2);
        assertThat(retried.activity().values()).containsExactly(2L);
    }

    @Test
    void anUnreadableCursorIsRefusedAndLeftAlone() throws PluginException {
        CmisPlugin plugin = started(settings(NUXEO));

        for (String cursor : new String[] {"squid-cursor/1 ino:1 0 0 0", "{\"v\":2,\"createdAt\":\"2024-06-10T06:13:20Z\",\"ids\":[]}",
                "{\"v\":1,\"createdAt\":\"hier\",\"ids\":[]}", "{\"v\":1,\"createdAt\":\"2024-06-10T06:13:20Z\",\"ids\":[1]}"}) {
            assertThatThrownBy(() -> pull(plugin, cursor)).isInstanceOf(PluginException.class)
                    .hasMessageContaining("stored cursor").hasMessageContaining("left as it is");
        }
        server.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void aFolderThatDoesNotExistOrIsADocumentIsNamed() {
        answer(jsonBody(ONE_DOCUMENT));
        server.stubFor(get(urlPathEqualTo(ALFRESCO + "/root/Sites/%C3%A9tat%20civil")).willReturn(jsonError(404,
                "{\"exception\":\"objectNotFound\",\"message\":\"Object not found: /Sites/état civil\"}")));
        failure(settings(ALFRESCO, "services.CIVIL_REGISTRY", "/Sites/état civil"))
                .hasMessageContaining("folder '/Sites/état civil'").hasMessageContaining("(objectNotFound)")
                .hasMessageContaining("observatoire.plugins.cmis.services.CIVIL_REGISTRY");

        server.stubFor(get(urlPathEqualTo(ALFRESCO + "/root")).withQueryParam("objectId", equalTo("0f3c9a2e"))
                .willReturn(json("alfresco/document-not-folder.json")));
        failure(settings(ALFRESCO, "services.FINANCE", "0f3c9a2e")).hasMessageContaining("'0f3c9a2e' in observatoire.plugins.cmis.services.FINANCE is not a folder");
    }

    @Test
    void pullBeforeStartIsAPluginException() {
        assertThatThrownBy(() -> new CmisPlugin().pull(java.util.Optional.empty(), null))
                .isInstanceOf(PluginException.class).hasMessageContaining("not started");
    }

    private static void answer(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(ALFRESCO)).willReturn(response));
        server.stubFor(get(urlPathEqualTo(NUXEO)).willReturn(response));
    }

    private static ResponseDefinitionBuilder jsonError(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> failure(Map<String, String> settings) {
        return assertThat(thrown(settings)).hasMessageNotContaining("Sensible").hasMessageNotContaining("s3cret");
    }

    private static boolean transientFlag(Map<String, String> settings) {
        return thrown(settings).isTransient();
    }

    /** The pull's exception, checked to be a PluginException: nothing else may escape pull(). */
    private static PluginException thrown(Map<String, String> settings) {
        try {
            CmisPlugin plugin = started(settings);
            PullBatch batch = pull(plugin, null);
            throw new AssertionError("expected a PluginException, got a batch: " + batch);
        } catch (PluginException e) {
            return e;
        }
    }

}
