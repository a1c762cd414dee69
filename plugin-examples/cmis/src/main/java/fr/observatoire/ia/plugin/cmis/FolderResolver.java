package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PluginException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Looks a configured folder up through the browser binding's object selector, by path
 * ({@code <repository>/root/Sites/etat-civil}) or by id ({@code <repository>/root?objectId=…}), asking only for its
 * id, path and base type. The path gives the folder's depth; no folder name is kept.
 */
final class FolderResolver implements FolderLookup {
    private static final String FILTER = "cmis:objectId,cmis:path,cmis:baseTypeId";

    private final RepositoryHttp http;
    private final String rootFolder;

    FolderResolver(RepositoryHttp http, String repository) {
        this.http = http;
        // The browser binding's root folder URL: OpenCMIS servers (Alfresco, Nuxeo) serve it at <repository>/root.
        this.rootFolder = repository + "/root";
    }

    @Override
    public MappedFolder resolve(FolderRule rule) throws PluginException {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!rule.isPath()) {
            parameters.put("objectId", rule.reference());
        }
        parameters.put("cmisselector", "object");
        parameters.put("succinct", "true");
        parameters.put("filter", FILTER);
        URI uri = Uris.withQuery(rule.isPath() ? rootFolder + Uris.encodePath(rule.reference()) : rootFolder, parameters);
        RepositoryHttp.Purpose purpose = new RepositoryHttp.Purpose("the lookup of folder '" + rule.reference() + "'",
                "no such folder, or the account cannot see it: check " + rule.setting()
                        + " (Alfresco sites are under /Sites/<site>; a path starts at the repository root)",
                "the repository refused the folder lookup: check " + rule.setting());

        Answer properties = http.get(uri, purpose).field("succinctProperties");
        if (!"cmis:folder".equals(properties.property("cmis:baseTypeId").text())) {
            throw new PluginException("'" + rule.reference() + "' in " + rule.setting() + " is not a folder");
        }
        String path = properties.property("cmis:path").text();
        return new MappedFolder(properties.property("cmis:objectId").text(), depth(path), rule);
    }

    private static int depth(String path) {
        int depth = 0;
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                depth++;
            }
        }
        return depth;
    }
}
