package fr.observatoire.ia.plugin.cmis;

import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullBatch.ActivityKey;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The browser binding as Alfresco and Nuxeo serve it: paging, folders, ties, resuming. */
class BrowserBindingTest extends StubbedRepository {
    private static final String ETAT_CIVIL = "8f2105b4-daaf-4874-9e8a-2152569d109b";
    private static final String URBANISME = "a6c9d1e2-3f4a-4b5c-8d6e-7f8091a2b3c4";
    private static final String CCAS = "c1a5e7f0-9b8d-4c6e-a2f4-1357924680ac";

    @Test
    void alfrescoPagesThroughTiesAndCountsEachDocumentUnderItsFolderService() throws PluginException {
        stubAlfresco();
        CmisPlugin plugin = started(settings(ALFRESCO, "marker.aspect", "P:ia:assisted", "page-size", "2",
                "services.CIVIL_REGISTRY", "/Sites/etat-civil", "services.URBAN_PLANNING", "/Sites/urbanisme/"));
        List<long[]> progress = new ArrayList<>();

        PullBatch batch = plugin.pull(Optional.empty(), (done, total) -> progress.add(new long[] {done, total}));

        assertThat(batch.activity()).isEqualTo(Map.of(
                key(Service.CIVIL_REGISTRY), 3L, key(Service.URBAN_PLANNING), 1L, key(Service.TRANSVERSAL), 1L));
        assertThat(batch.records()).isEqualTo(5);
        CmisCursor cursor = CmisCursor.decode(Optional.of(batch.cursor())).orElseThrow();
        assertThat(cursor.createdAt()).isEqualTo(Instant.parse("2024-06-10T06:13:23Z"));
        assertThat(cursor.ids()).containsExactly("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c05");
        assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(5, 5));
        server.verify(1, getRequestedFor(urlPathEqualTo(ALFRESCO)).withQueryParam("maxItems", equalTo("1000")));
        // The query selects ids and dates only, joins the aspect, and is bounded by the pull's window.
        server.verify(getRequestedFor(urlPathEqualTo(ALFRESCO)).withQueryParam("q", equalTo(
                "SELECT d.cmis:objectId, d.cmis:creationDate FROM cmis:document AS d JOIN P:ia:assisted AS m "
                        + "ON d.cmis:objectId = m.cmis:objectId WHERE m.ia:generated = TRUE "
                        + "AND d.cmis:creationDate < TIMESTAMP '2024-06-12T00:00:00.000Z' ORDER BY d.cmis:creationDate ASC"))
                .withQueryParam("succinct", equalTo("true")).withQueryParam("maxItems", equalTo("2"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("svc-observatoire", "s3cret")));
    }

    @Test
    void theSamePullFromTheSameCursorGivesTheSameBatch() throws PluginException {
        stubAlfresco();
        CmisPlugin plugin = started(settings(ALFRESCO, "marker.aspect", "P:ia:assisted", "page-size", "2",
                "services.CIVIL_REGISTRY", "/Sites/etat-civil", "services.URBAN_PLANNING", "/Sites/urbanisme"));

        assertThat(pull(plugin, null)).isEqualTo(pull(plugin, null));
    }

    @Test
    void nuxeoResumesAtTheCursorsMillisecondAndCountsOnlyTheTiesNotSeenYet() throws PluginException {
        String since = "cmis:creationDate >= TIMESTAMP '2024-06-01T00:00:00.000Z'";
        String resume = "cmis:creationDate >= TIMESTAMP '2024-06-10T06:13:20.500Z'";
        String folder = "IN_TREE('" + CCAS + "')";
        server.stubFor(get(urlPathEqualTo(NUXEO + "/root")).withQueryParam("objectId", equalTo(CCAS))
                .withQueryParam("cmisselector", equalTo("object")).willReturn(json("nuxeo/folder-ccas.json")));
        stubQuery(NUXEO, and(containing(since), notContaining("IN_TREE")), 0, "nuxeo/query-1.json");
        stubQuery(NUXEO, and(containing(since), containing(folder)), 0, "nuxeo/in-tree-ccas-1.json");
        stubQuery(NUXEO, and(containing(resume), notContaining("IN_TREE")), 0, "nuxeo/query-resume.json");
        stubQuery(NUXEO, and(containing(resume), containing(folder)), 0, "nuxeo/in-tree-ccas-resume.json");
        CmisPlugin plugin = started(settings(NUXEO, "marker.property", "ia:origine", "marker.value", "assistant-ia",
                "since", "2024-06-01", "services.SOCIAL_ACTION", CCAS));

        PullBatch first = pull(plugin, null);
        PullBatch second = pull(plugin, first.cursor());

        assertThat(first.activity()).isEqualTo(Map.of(key(Service.SOCIAL_ACTION), 1L, key(Service.TRANSVERSAL), 2L));
        assertThat(CmisCursor.decode(Optional.of(first.cursor())).orElseThrow().ids())
                .containsExactly("5c4f6e1e-2a7b-4d8e-9f00-1b2c3d4e5f02", "5c4f6e1e-2a7b-4d8e-9f00-1b2c3d4e5f03");
        // Only 04 (created in the cursor's millisecond after the first pull) and 05 are new.
        assertThat(second.activity()).isEqualTo(Map.of(key(Service.SOCIAL_ACTION), 1L, key(Service.TRANSVERSAL), 1L));
        assertThat(second.records()).isEqualTo(2);
        assertThat(CmisCursor.decode(Optional.of(second.cursor())).orElseThrow().ids())
                .containsExactly("5c4f6e1e-2a7b-4d8e-9f00-1b2c3d4e5f05");
        assertThat(pull(plugin, first.cursor())).isEqualTo(second);
        server.verify(getRequestedFor(urlPathEqualTo(NUXEO)).withQueryParam("q",
                containing("FROM cmis:document WHERE ia:origine = 'assistant-ia' AND IN_TREE('" + CCAS + "')")));
    }

    @Test
    void aPullWithNothingNewKeepsTheCursorAndCountsNothing() throws PluginException {
        server.stubFor(get(urlPathEqualTo(NUXEO)).willReturn(jsonBody("{\"results\":[],\"hasMoreItems\":false,\"numItems\":0}")));
        CmisPlugin plugin = started(settings(NUXEO));
        String cursor = CmisCursor.of(Instant.parse("2024-06-10T06:13:20Z"), java.util.Set.of("x")).encode();

        PullBatch batch = pull(plugin, cursor);

        assertThat(batch.activity()).isEmpty();
        assertThat(batch.records()).isZero();
        assertThat(batch.cursor()).isEqualTo(cursor);
    }

    @Test
    void documentsYoungerThanTheSettleDelayWaitForTheNextPull() throws PluginException {
        server.stubFor(get(urlPathEqualTo(NUXEO)).willReturn(jsonBody("{\"results\":[],\"hasMoreItems\":false}")));
        CmisPlugin plugin = started(settings(NUXEO, "settle", "PT10M"));

        pull(plugin, null);

        server.verify(getRequestedFor(urlPathEqualTo(NUXEO))
                .withQueryParam("q", containing("cmis:creationDate < TIMESTAMP '2024-06-11T23:50:00.000Z'")));
    }

    @Test
    void theClassifiedActionIsCountedWhenConfigured() throws PluginException {
        FakeRepository repository = new FakeRepository(null);
        repository.add(new FakeRepository.Doc("d1", Instant.parse("2024-06-10T06:13:20Z"), null));
        FAKE.serve(repository);
        server.stubFor(get(urlPathEqualTo(ALFRESCO)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withTransformers(FakeCmisServer.NAME)));
        CmisPlugin plugin = started(settings(ALFRESCO, "action", "document_classified", "default-service", "COMMUNICATION"));

        assertThat(pull(plugin, null).activity())
                .isEqualTo(Map.of(new ActivityKey("redaction-assistee", Service.COMMUNICATION, ActionKind.DOCUMENT_CLASSIFIED), 1L));
    }

    @Test
    void aQuoteOrBackslashInTheMarkerValueTravelsEscaped() throws PluginException {
        server.stubFor(get(urlPathEqualTo(NUXEO)).willReturn(jsonBody("{\"results\":[],\"hasMoreItems\":false}")));

        pull(started(settings(NUXEO, "marker.property", "dc:source", "marker.value", "l'IA \\ \"générative\" ' OR '1'='1")), null);

        server.verify(getRequestedFor(urlPathEqualTo(NUXEO)).withQueryParam("q",
                containing("WHERE dc:source = 'l\\'IA \\\\ \"générative\" \\' OR \\'1\\'=\\'1' AND")));
    }

    private void stubAlfresco() {
        server.stubFor(get(urlPathEqualTo(ALFRESCO + "/root/Sites/etat-civil")).withQueryParam("filter", equalTo("cmis:objectId,cmis:path,cmis:baseTypeId"))
                .willReturn(json("alfresco/folder-etat-civil.json")));
        server.stubFor(get(urlPathEqualTo(ALFRESCO + "/root/Sites/urbanisme")).willReturn(json("alfresco/folder-urbanisme.json")));
        String at21 = ">= TIMESTAMP '2024-06-10T06:13:21.000Z'";
        String at22 = ">= TIMESTAMP '2024-06-10T06:13:22.000Z'";
        stubQuery(ALFRESCO, and(notContaining(">="), notContaining("IN_TREE")), 0, "alfresco/query-1.json");
        stubQuery(ALFRESCO, and(containing(at21), notContaining("IN_TREE")), 0, "alfresco/query-2.json");
        stubQuery(ALFRESCO, and(containing(at22), notContaining("IN_TREE")), 0, "alfresco/query-3.json");
        // query-3 is all one millisecond: the tie is asked again in one large page.
        server.stubFor(get(urlPathEqualTo(ALFRESCO)).withQueryParam("q", and(containing(at22), notContaining("IN_TREE")))
                .withQueryParam("skipCount", equalTo("0")).withQueryParam("maxItems", equalTo("1000"))
                .willReturn(json("alfresco/query-4.json")));
        stubQuery(ALFRESCO, and(notContaining(">="), containing("IN_TREE(d, '" + ETAT_CIVIL + "')")), 0, "alfresco/in-tree-etat-civil-1.json");
        stubQuery(ALFRESCO, and(containing(at22), containing("IN_TREE(d, '" + ETAT_CIVIL + "')")), 0, "alfresco/in-tree-etat-civil-2.json");
        stubQuery(ALFRESCO, containing("IN_TREE(d, '" + URBANISME + "')"), 0, "alfresco/in-tree-urbanisme.json");
    }

    private static void stubQuery(String path, StringValuePattern query, int skip, String fixture) {
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("cmisselector", equalTo("query")).withQueryParam("q", query)
                .withQueryParam("skipCount", equalTo(Integer.toString(skip))).willReturn(json(fixture)));
    }

    private static ActivityKey key(Service service) {
        return new ActivityKey("redaction-assistee", service, ActionKind.DOCUMENT_DRAFTED);
    }
}
