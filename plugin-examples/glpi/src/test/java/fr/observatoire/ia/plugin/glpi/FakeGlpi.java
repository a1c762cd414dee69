package fr.observatoire.ia.plugin.glpi;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fr.observatoire.ia.plugin.glpi.testing.SimulatedGlpi;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GLPI of these tests: a {@link SimulatedGlpi} (legacy and v2 APIs, with the accounts below) on a WireMock
 * server of its own, with the plugin settings that reach it and the requests it received. Tests override single
 * endpoints with higher-priority WireMock stubs to make GLPI misbehave.
 */
final class FakeGlpi implements AutoCloseable {
    static final String USER_TOKEN = "q56hqkniwot8wntb3z1qarka5atf365taaa2uyjrn";
    static final String APP_TOKEN = "f7g3csp8mgatg5ebc5elnazakw20i9fyev1qopya7";
    static final String SESSION_TOKEN = "83af7e620c83a50a18d3eac2f6ed05a3ca0bea62";
    static final String CLIENT_ID = "9246d35072ff62193330003a8106d947fafe5ac036d11a51ebc7ca11b9bc135e";
    static final String CLIENT_SECRET = "d09f2d9dbd4a6db2c1a2b6c5e8f4f7b3";
    static final String USERNAME = "observatoire-api";
    static final String PASSWORD = "correct horse battery staple";
    static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6ImFwaSJ9.c2lnbmF0dXJl";
    static final ZoneId GLPI_ZONE = ZoneId.of("Europe/Paris");

    private final SimulatedGlpi glpi = SimulatedGlpi.builder()
            .name("fake-glpi")
            .legacyApi(USER_TOKEN, APP_TOKEN, SESSION_TOKEN)
            .v2Api(CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD, ACCESS_TOKEN)
            .zone(GLPI_ZONE)
            .build();
    private final WireMockServer server;

    FakeGlpi() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(glpi));
        server.start();
        reset();
    }

    /** No tickets, default behaviour, empty request journal. */
    void reset() {
        glpi.clear();
        server.resetAll();
        server.stubFor(glpi.stub());
    }

    WireMockServer server() {
        return server;
    }

    String url() {
        return server.baseUrl() + "/";
    }

    void add(FakeTicket... added) {
        glpi.add(List.of(added));
    }

    void add(List<FakeTicket> added) {
        glpi.add(added);
    }

    /** The tickets GLPI holds from now on, stubs and journal kept. */
    void replaceTickets(List<FakeTicket> now) {
        glpi.replaceTickets(now);
    }

    /** Settings that work with this GLPI, legacy API; tests change what they test. */
    Map<String, String> legacyConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("url", url());
        config.put("user-token", USER_TOKEN);
        config.put("app-token", APP_TOKEN);
        config.put("categories.incident", "42:FACTUAL_ERROR;43:PERSONAL_DATA_DISCLOSURE");
        config.put("categories.usage-request", "57:redaction-courriers");
        config.put("entities", "Entité racine > Ville de Grasse > Urbanisme:URBAN_PLANNING;Entité racine > Ville de Grasse > État civil:CIVIL_REGISTRY");
        config.put("page-size", "5");
        config.put("settle-delay", "PT0S");
        config.put("since", "2025-01-06");
        config.put("timeout", "PT5S");
        return config;
    }

    Map<String, String> v2Config() {
        Map<String, String> config = legacyConfig();
        config.remove("user-token");
        config.remove("app-token");
        config.put("api", "v2");
        config.put("client-id", CLIENT_ID);
        config.put("client-secret", CLIENT_SECRET);
        config.put("username", USERNAME);
        config.put("password", PASSWORD);
        return config;
    }

    static Map<String, String> decodeForm(String raw) {
        return SimulatedGlpi.decodeForm(raw);
    }

    /** The requests made to a path, decoded, oldest first. */
    List<Map<String, String>> requests(String path) {
        List<Map<String, String>> found = new ArrayList<>();
        for (ServeEvent e : server.getAllServeEvents()) {
            URI uri = URI.create(e.getRequest().getUrl());
            if (uri.getPath().equals(path)) {
                found.add(0, decodeForm(uri.getRawQuery()));
            }
        }
        return found;
    }

    int calls(String path) {
        return requests(path).size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
