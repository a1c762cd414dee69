package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.testkit.conformance.InvalidSetting;

import java.util.List;
import java.util.Map;

/** The conformance suite on GLPI 11's v2 API (OAuth2 password grant, whole tickets in every answer). */
class GlpiV2ConformanceTest extends GlpiPluginConformanceTest {
    @Override
    protected Map<String, String> configuration() {
        Map<String, String> config = glpi.fake().v2Config();
        config.put("timeout", "PT3S");
        return config;
    }

    @Override
    protected List<InvalidSetting> invalidSettings() {
        return List.of(InvalidSetting.missing("client-id"), InvalidSetting.missing("client-secret"), InvalidSetting.missing("username"),
                InvalidSetting.missing("password"));
    }
}
