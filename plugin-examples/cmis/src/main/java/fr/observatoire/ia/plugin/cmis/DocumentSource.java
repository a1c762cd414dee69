package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PluginException;

import java.util.List;
import java.util.OptionalLong;

/** Runs a CMIS QL query one page at a time: the browser binding or Alfresco's search API. */
interface DocumentSource {

    /**
     * @param query     CMIS QL built by {@link DocumentQuery}
     * @param skipCount results to skip
     * @param maxItems  results wanted at most
     */
    Page page(String query, int skipCount, int maxItems) throws PluginException;

    /**
     * @param documents    the results, in the order the repository answered
     * @param hasMoreItems whether results follow this page
     * @param totalItems   the number of results, when the repository says
     */
    record Page(List<DocumentRef> documents, boolean hasMoreItems, OptionalLong totalItems) {
        public Page {
            documents = List.copyOf(documents);
        }
    }
}
