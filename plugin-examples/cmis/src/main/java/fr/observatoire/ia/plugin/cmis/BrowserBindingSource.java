package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PluginException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static fr.observatoire.ia.plugin.cmis.CmisSettings.key;

/**
 * The CMIS 1.1 browser binding's query ({@code GET <repository>?cmisselector=query}), as Alfresco and Nuxeo serve it.
 * {@code succinct=true} makes properties a plain map and dates epoch milliseconds.
 */
final class BrowserBindingSource implements DocumentSource {
    static final RepositoryHttp.Purpose QUERY = new RepositoryHttp.Purpose("the CMIS query",
            "check " + key("url") + ": it must be the browser-binding repository URL, e.g. "
                    + "https://ged.example.fr/alfresco/api/-default-/public/cmis/versions/1.1/browser (Alfresco) "
                    + "or https://ged.example.fr/nuxeo/json/cmis/default (Nuxeo)",
            "the repository refused the query: check that " + key("marker.type") + " names a queryable type, that "
                    + key("marker.property") + " is a queryable property of it (a property of an aspect needs "
                    + key("marker.aspect") + ") and that " + key("marker.value") + " has its type");

    private final RepositoryHttp http;
    private final String repository;

    BrowserBindingSource(RepositoryHttp http, String repository) {
        this.http = http;
        this.repository = repository;
    }

    @Override
    public Page page(String query, int skipCount, int maxItems) throws PluginException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("cmisselector", "query");
        parameters.put("q", query);
        parameters.put("succinct", "true");
        parameters.put("searchAllVersions", "false");
        parameters.put("maxItems", Integer.toString(maxItems));
        parameters.put("skipCount", Integer.toString(skipCount));
        Answer answer = http.get(Uris.withQuery(repository, parameters), QUERY);

        List<DocumentRef> documents = new ArrayList<>();
        for (Answer result : answer.field("results").elements()) {
            Answer properties = result.field("succinctProperties");
            documents.add(DocumentRef.of(properties.property("cmis:objectId").text(),
                    properties.property("cmis:creationDate").epochMillis()));
        }
        OptionalLong total = answer.optional("numItems").map(Answer::optionalLong).orElse(OptionalLong.empty());
        return new Page(documents, answer.field("hasMoreItems").bool(), total);
    }
}
