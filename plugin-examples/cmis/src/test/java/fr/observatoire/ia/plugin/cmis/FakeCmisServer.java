package fr.observatoire.ia.plugin.cmis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * Serves a {@link FakeRepository} over HTTP the way Alfresco does: the browser binding's query
 * ({@code GET ?cmisselector=query}, succinct, epoch-millisecond dates, versioned ids {@code <uuid>;1.0}) and the
 * search API ({@code POST}, {@code list.entries[].entry}, dates as {@code 2024-06-10T06:13:20.000+0000}). Names and
 * creators are in every answer, as a repository that ignores the select list would send them.
 */
final class FakeCmisServer implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-cmis";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ALFRESCO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

    private volatile FakeRepository repository = new FakeRepository(null);
    /** Answer hasMoreItems=true whatever the page: a broken server. */
    private volatile boolean alwaysMore;

    void serve(FakeRepository repository) {
        this.repository = repository;
    }

    void alwaysMore(boolean alwaysMore) {
        this.alwaysMore = alwaysMore;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        try {
            String body = "GET".equals(request.getMethod().getName()) ? browser(request) : search(request);
            return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String browser(Request request) throws IOException {
        String query = request.queryParameter("q").firstValue();
        int skip = Integer.parseInt(request.queryParameter("skipCount").firstValue());
        int max = Integer.parseInt(request.queryParameter("maxItems").firstValue());
        List<FakeRepository.Doc> hits = repository.matching(query);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("results");
        int end = Math.min(hits.size(), skip + max);
        for (FakeRepository.Doc doc : hits.subList(Math.min(skip, end), end)) {
            ObjectNode properties = results.addObject().putObject("succinctProperties");
            properties.put("cmis:objectId", doc.id() + ";1.0");
            properties.put("cmis:creationDate", doc.createdAt().toEpochMilli());
            properties.put("cmis:name", "Courrier à Mme Jeanne Sensible " + doc.id() + ".docx");
            properties.put("cmis:createdBy", "jsensible");
        }
        answer.put("hasMoreItems", alwaysMore || end < hits.size());
        answer.put("numItems", hits.size());
        return JSON.writeValueAsString(answer);
    }

    private String search(Request request) throws IOException {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        String query = body.path("query").path("query").asText();
        int skip = body.path("paging").path("skipCount").asInt();
        int max = body.path("paging").path("maxItems").asInt();
        List<FakeRepository.Doc> hits = repository.matching(query);
        int end = Math.min(hits.size(), skip + max);
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode list = answer.putObject("list");
        list.putObject("pagination").put("count", end - Math.min(skip, end)).put("hasMoreItems", alwaysMore || end < hits.size())
                .put("totalItems", hits.size()).put("skipCount", skip).put("maxItems", max);
        ArrayNode entries = list.putArray("entries");
        for (FakeRepository.Doc doc : hits.subList(Math.min(skip, end), end)) {
            ObjectNode entry = entries.addObject().putObject("entry");
            entry.put("id", doc.id());
            entry.put("createdAt", ALFRESCO_DATE.format(doc.createdAt()));
            entry.put("name", "Courrier à Mme Jeanne Sensible " + doc.id() + ".docx");
            entry.putObject("createdByUser").put("id", "jsensible").put("displayName", "Jeanne Sensible");
        }
        return JSON.writeValueAsString(answer);
    }
}
