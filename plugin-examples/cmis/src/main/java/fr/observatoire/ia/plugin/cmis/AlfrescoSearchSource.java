package fr.observatoire.ia.plugin.cmis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.observatoire.ia.spi.PluginException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static fr.observatoire.ia.plugin.cmis.CmisSettings.key;

/**
 * Alfresco's search API ({@code POST .../search/versions/1/search}) running the same CMIS QL. It ignores the
 * query's select list, so {@code fields} asks for the id and creation date only; dates come as ISO 8601.
 */
final class AlfrescoSearchSource implements DocumentSource {
    static final RepositoryHttp.Purpose SEARCH = new RepositoryHttp.Purpose("Alfresco's search API",
            "check " + key("search-url") + " (or " + key("url") + " it is derived from): Alfresco serves it at "
                    + "/alfresco/api/-default-/public/search/versions/1/search from version 5.2 on",
            BrowserBindingSource.QUERY.badRequest());

    private final RepositoryHttp http;
    private final URI searchUrl;

    AlfrescoSearchSource(RepositoryHttp http, URI searchUrl) {
        this.http = http;
        this.searchUrl = searchUrl;
    }

    @Override
    public Page page(String query, int skipCount, int maxItems) throws PluginException {
        ObjectNode body = RepositoryHttp.JSON.createObjectNode();
        body.putObject("query").put("query", query).put("language", "cmis");
        body.putObject("paging").put("maxItems", maxItems).put("skipCount", skipCount);
        body.putArray("fields").add("id").add("createdAt");
        Answer answer = http.postJson(searchUrl, body, SEARCH);

        Answer list = answer.field("list");
        List<DocumentRef> documents = new ArrayList<>();
        for (Answer entry : list.field("entries").elements()) {
            Answer node = entry.field("entry");
            documents.add(DocumentRef.of(node.field("id").text(), node.field("createdAt").isoDateTime()));
        }
        Answer pagination = list.field("pagination");
        OptionalLong total = pagination.optional("totalItems").map(Answer::optionalLong).orElse(OptionalLong.empty());
        return new Page(documents, pagination.field("hasMoreItems").bool(), total);
    }
}
