package fr.observatoire.ia.plugin.cmis;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, titles, descriptions and creators a repository may send anyway (a server ignoring the select list, an
 * error page) reach neither the batch, nor the cursor, nor a message; and the plugin never asks for them.
 */
class PrivacyTest extends StubbedRepository {
    private static final List<String> PERSONAL = List.of("Jeanne", "Sensible", "jsensible", "Pierre", "Confidentiel",
            "pconfidentiel", "Arrêté", "nomination", "courrier", "Microsoft Word", "8f2105b4");

    @Test
    void nothingPersonalFromTheBrowserBindingReachesTheBatch() throws PluginException {
        server.stubFor(get(urlPathEqualTo(ALFRESCO)).willReturn(json("alfresco/privacy-query.json")));

        PullBatch batch = pull(started(settings(ALFRESCO)), null);

        assertThat(batch.records()).isEqualTo(2);
        assertClean(batch.toString());
        assertClean(batch.cursor());
    }

    @Test
    void nothingPersonalFromTheSearchApiReachesTheBatch() throws PluginException {
        server.stubFor(post(urlPathEqualTo(ALFRESCO_SEARCH)).willReturn(json("alfresco/privacy-search.json")));

        PullBatch batch = pull(started(settings(ALFRESCO, "mode", "alfresco-search")), null);

        assertThat(batch.records()).isEqualTo(2);
        assertClean(batch.toString());
        assertClean(batch.cursor());
    }

    @Test
    void nothingPersonalInAnErrorBodyReachesAMessage() throws PluginException {
        String page = "<html><body><h1>Erreur 500</h1><p>Document 'Arrêté de nomination - Mme Jeanne Sensible.docx' "
                + "verrouillé par jsensible</p></body></html>";
        List<String> messages = new ArrayList<>();
        for (var response : List.of(aResponse().withStatus(500).withHeader("Content-Type", "text/html").withBody(page),
                aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(page),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(page),
                aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"exception\":\"invalidArgument\",\"message\":\"" + page.replace("'", "") + "\"}"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"results\":[{\"succinctProperties\":{\"cmis:objectId\":\"a\",\"cmis:creationDate\":\"Jeanne Sensible\"}}],"
                                + "\"hasMoreItems\":false}"))) {
            server.stubFor(get(urlPathEqualTo(ALFRESCO)).willReturn(response));
            try {
                pull(started(settings(ALFRESCO)), null);
            } catch (PluginException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    messages.add(String.valueOf(t.getMessage()));
                }
            }
        }

        assertThat(messages).hasSize(5);
        messages.forEach(PrivacyTest::assertClean);
    }

    @Test
    void theQueriesAskForIdsAndDatesOnly() throws PluginException {
        server.stubFor(get(urlPathEqualTo(ALFRESCO)).willReturn(json("alfresco/privacy-query.json")));
        server.stubFor(post(urlPathEqualTo(ALFRESCO_SEARCH)).willReturn(json("alfresco/privacy-search.json")));
        server.stubFor(get(urlPathEqualTo(ALFRESCO + "/root/Sites/rh")).willReturn(jsonBody(
                "{\"succinctProperties\":{\"cmis:objectId\":\"f-rh\",\"cmis:path\":\"/Sites/rh\",\"cmis:baseTypeId\":\"cmis:folder\"}}")));

        pull(started(settings(ALFRESCO, "services.HUMAN_RESOURCES", "/Sites/rh", "marker.aspect", "P:ia:assisted")), null);
        pull(started(settings(ALFRESCO, "mode", "alfresco-search")), null);

        List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSizeGreaterThanOrEqualTo(4);
        for (LoggedRequest request : requests) {
            String sent = request.getUrl() + " " + request.getBodyAsString();
            assertThat(sent).doesNotContain("cmis%3Aname", "cmis:name", "title", "description", "createdBy", "SELECT%20*", "SELECT *");
            if (request.getMethod().getName().equals("POST")) {
                assertThat(request.getBodyAsString()).contains("\"fields\":[\"id\",\"createdAt\"]");
            }
        }
    }

    private static void assertClean(String text) {
        assertThat(text).doesNotContain(PERSONAL);
    }
}
