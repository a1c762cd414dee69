package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullBatch.ActivityKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Alfresco's search API running the same CMIS QL: POST bodies, ISO dates with Alfresco's offsets, paging. */
class AlfrescoSearchTest extends StubbedRepository {

    @Test
    void pagesThroughTheSearchApiWithIsoDatesAndAsksForIdsAndDatesOnly() throws PluginException {
        server.stubFor(post(urlPathEqualTo(ALFRESCO_SEARCH)).withRequestBody(matchingJsonPath("$.query.query", containing("ORDER BY")))
                .withRequestBody(matchingJsonPath("$.query.query", com.github.tomakehurst.wiremock.client.WireMock.notContaining(">=")))
                .willReturn(json("alfresco/search-1.json")));
        server.stubFor(post(urlPathEqualTo(ALFRESCO_SEARCH))
                .withRequestBody(matchingJsonPath("$.query.query", containing(">= TIMESTAMP '2024-06-10T06:13:21.000Z'")))
                .willReturn(json("alfresco/search-2.json")));
        CmisPlugin plugin = started(settings(ALFRESCO, "mode", "alfresco-search", "page-size", "2"));

        PullBatch batch = pull(plugin, null);

        assertThat(batch.activity()).isEqualTo(Map.of(new ActivityKey("redaction-assistee", Service.TRANSVERSAL, ActionKind.DOCUMENT_DRAFTED), 3L));
        CmisCursor cursor = CmisCursor.decode(Optional.of(batch.cursor())).orElseThrow();
        assertThat(cursor.createdAt()).isEqualTo(Instant.parse("2024-06-10T06:13:21Z"));
        assertThat(cursor.ids()).containsExactly("e41c0b7a-6a2f-4d3b-9b1e-0c8d7f6a5e02", "e41c0b7a-6a2f-4d3b-9b1e-0c8d7f6a5e03");
        server.verify(postRequestedFor(urlPathEqualTo(ALFRESCO_SEARCH)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"query\":{\"query\":\"SELECT cmis:objectId, cmis:creationDate FROM cmis:document "
                        + "WHERE ia:generated = TRUE AND cmis:creationDate < TIMESTAMP '2024-06-12T00:00:00.000Z' "
                        + "ORDER BY cmis:creationDate ASC\",\"language\":\"cmis\"},"
                        + "\"paging\":{\"maxItems\":2,\"skipCount\":0},\"fields\":[\"id\",\"createdAt\"]}")));
    }

    @Test
    void searchModeAndBrowserBindingCountTheSameDocumentsAlike() throws PluginException {
        FakeRepository repository = new FakeRepository(7L).folder("/Sites/rh", "f-rh");
        Instant t0 = Instant.parse("2024-06-10T06:13:20Z");
        for (int i = 0; i < 9; i++) {
            repository.add(new FakeRepository.Doc("doc-" + i, t0.plusSeconds(i / 3), i % 2 == 0 ? "/Sites/rh/paie" : null));
        }
        FAKE.serve(repository);
        server.stubFor(post(urlPathEqualTo(ALFRESCO_SEARCH)).willReturn(aResponse().withTransformers(FakeCmisServer.NAME)));
        server.stubFor(get(urlPathEqualTo(ALFRESCO)).withQueryParam("cmisselector", equalTo("query"))
                .willReturn(aResponse().withTransformers(FakeCmisServer.NAME)));
        server.stubFor(get(urlPathEqualTo(ALFRESCO + "/root/Sites/rh")).willReturn(jsonBody(
                "{\"succinctProperties\":{\"cmis:objectId\":\"f-rh\",\"cmis:path\":\"/Sites/rh\",\"cmis:baseTypeId\":\"cmis:folder\"}}")));

        PullBatch search = pull(started(settings(ALFRESCO, "mode", "alfresco-search", "page-size", "2",
                "services.HUMAN_RESOURCES", "/Sites/rh")), null);
        PullBatch browser = pull(started(settings(ALFRESCO, "page-size", "4", "services.HUMAN_RESOURCES", "/Sites/rh")), null);

        Map<ActivityKey, Long> expected = Map.of(
                new ActivityKey("redaction-assistee", Service.HUMAN_RESOURCES, ActionKind.DOCUMENT_DRAFTED), 5L,
                new ActivityKey("redaction-assistee", Service.TRANSVERSAL, ActionKind.DOCUMENT_DRAFTED), 4L);
        assertThat(search.activity()).isEqualTo(expected);
        assertThat(browser.activity()).isEqualTo(expected);
        // Alfresco's browser binding answers "<id>;1.0" and its search API "<id>": one cursor serves both.
        assertThat(search.cursor()).isEqualTo(browser.cursor());
    }

    @Test
    void theSearchUrlCanBeGivenWhenItCannotBeDerived() throws PluginException {
        server.stubFor(post(urlPathEqualTo("/proxy/search")).willReturn(jsonBody(
                "{\"list\":{\"pagination\":{\"count\":0,\"hasMoreItems\":false,\"totalItems\":0,\"skipCount\":0,\"maxItems\":100},\"entries\":[]}}")));
        CmisPlugin plugin = started(settings("/proxy/cmis", "mode", "alfresco-search", "search-url", server.baseUrl() + "/proxy/search"));

        assertThat(pull(plugin, null).activity()).isEmpty();
        server.verify(postRequestedFor(urlPathEqualTo("/proxy/search")));
    }
}
