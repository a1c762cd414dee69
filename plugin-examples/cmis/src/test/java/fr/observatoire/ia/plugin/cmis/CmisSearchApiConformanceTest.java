package fr.observatoire.ia.plugin.cmis;

import java.util.HashMap;
import java.util.Map;

/** The conformance suite through Alfresco's search API instead of the browser binding. */
class CmisSearchApiConformanceTest extends CmisPluginConformanceTest {
    @Override
    protected Map<String, String> configuration() {
        Map<String, String> settings = new HashMap<>(super.configuration());
        settings.put("mode", "alfresco-search");
        return settings;
    }
}
