package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.PluginException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configuration mistake is refused at start, naming the full key. */
class CmisSettingsTest {
    private static final Map<String, String> MINIMAL = Map.of(
            "url", "https://ged.mairie.example/alfresco/api/-default-/public/cmis/versions/1.1/browser/",
            "usage-id", "redaction-assistee", "marker.aspect", "P:ia:assisted");

    @Test
    void defaultsAreDocumented() throws PluginException {
        CmisSettings settings = read(MINIMAL);

        assertThat(settings.repository()).isEqualTo(URI.create("https://ged.mairie.example/alfresco/api/-default-/public/cmis/versions/1.1/browser"));
        assertThat(settings.mode()).isEqualTo(Mode.CMIS);
        assertThat(settings.defaultService()).isEqualTo(Service.TRANSVERSAL);
        assertThat(settings.action()).isEqualTo(ActionKind.DOCUMENT_DRAFTED);
        assertThat(settings.pageSize()).isEqualTo(100);
        assertThat(settings.maxPages()).isEqualTo(1000);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.settle()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.since()).isEmpty();
        assertThat(settings.folders()).isEmpty();
    }

    @Test
    void alfrescosSearchUrlIsDerivedFromItsCmisUrlTenantIncluded() throws PluginException {
        assertThat(read(with(MINIMAL, "mode", "alfresco-search")).searchUrl())
                .isEqualTo(URI.create("https://ged.mairie.example/alfresco/api/-default-/public/search/versions/1/search"));
        assertThat(read(with(MINIMAL, "mode", "Alfresco-Search", "url", "http://ged:8080/alfresco/api/mairie06/public/cmis/versions/1.1/browser")).searchUrl())
                .isEqualTo(URI.create("http://ged:8080/alfresco/api/mairie06/public/search/versions/1/search"));
        refused(with(MINIMAL, "mode", "alfresco-search", "url", "https://ged.mairie.example/nuxeo/json/cmis/default"), "search-url");
    }

    @Test
    void foldersAreReadPerServiceInDeclaredOrder() throws PluginException {
        CmisSettings settings = read(with(MINIMAL, "services.URBAN_PLANNING", "/Sites/urbanisme/, 4f1c0a9e-77b2-4c1d-9e55-2b8f0c3d1a10",
                "services.CIVIL_REGISTRY", " /Sites/etat-civil ", "default-service", "general_management", "since", "2025-01-01"));

        assertThat(settings.folders()).containsExactly(new FolderRule("/Sites/etat-civil", Service.CIVIL_REGISTRY),
                new FolderRule("/Sites/urbanisme", Service.URBAN_PLANNING),
                new FolderRule("4f1c0a9e-77b2-4c1d-9e55-2b8f0c3d1a10", Service.URBAN_PLANNING));
        assertThat(settings.defaultService()).isEqualTo(Service.GENERAL_MANAGEMENT);
        assertThat(settings.since()).contains(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void mistakesNameTheirSetting() {
        refused(without(MINIMAL, "url"), "observatoire.plugins.cmis.url");
        refused(without(MINIMAL, "usage-id"), "observatoire.plugins.cmis.usage-id");
        refused(with(MINIMAL, "usage-id", "Rédaction assistée"), "observatoire.plugins.cmis.usage-id");
        refused(without(MINIMAL, "marker.aspect"), "no AI marker is configured");
        refused(with(MINIMAL, "marker.property", "ia:generated"), "marker.property and observatoire.plugins.cmis.marker.value go together");
        refused(with(MINIMAL, "marker.value", "bad\u0000value", "marker.property", "ia:x"), "control character");
        refused(with(MINIMAL, "marker.aspect-query", "any"), "marker.aspect-query must be join or secondary-type-ids");
        refused(with(MINIMAL, "url", "ftp://ged/cmis"), "must be an http or https URL");
        refused(with(MINIMAL, "url", "https://admin:pw@ged/cmis"), "must not carry credentials");
        refused(with(MINIMAL, "url", "https://ged/cmis?x=1"), "must not have a query string");
        refused(with(MINIMAL, "mode", "atompub"), "mode must be cmis or alfresco-search");
        refused(with(MINIMAL, "ticket", "TICKET_1", "username", "u", "password", "p"), "either observatoire.plugins.cmis.ticket or");
        refused(with(MINIMAL, "username", "u"), "username and observatoire.plugins.cmis.password go together");
        refused(with(MINIMAL, "services.FINANCE", "/Sites/a", "services.HUMAN_RESOURCES", "/Sites/a/"), "listed in both");
        refused(with(MINIMAL, "services.FINANCE", "/"), "must name a folder below the root");
        refused(with(MINIMAL, "default-service", "MAIRIE"), "default-service must be one of");
        refused(with(MINIMAL, "action", "DRAFTED"), "action must be an action kind");
        refused(with(MINIMAL, "page-size", "0"), "page-size must be between 1 and 1000");
        refused(with(MINIMAL, "page-size", "cent"), "page-size' must be a whole number");
        refused(with(MINIMAL, "timeout", "PT0S"), "timeout must be a positive duration");
        refused(with(MINIMAL, "timeout", "30s"), "'timeout' must be an ISO 8601 duration");
        refused(with(MINIMAL, "since", "01/01/2025"), "since must be a date");
    }

    @Test
    void credentialsNeverShowInToString() throws PluginException {
        CmisSettings settings = read(with(MINIMAL, "username", "svc", "password", "tr3s-s3cret"));

        assertThat(settings.toString()).doesNotContain("tr3s-s3cret", "c3ZjOnRyM3MtczNjcmV0").contains("Authentication[basic]");
    }

    private static CmisSettings read(Map<String, String> settings) throws PluginException {
        return CmisSettings.read(TestContext.of(settings).config());
    }

    private static void refused(Map<String, String> settings, String message) {
        assertThatThrownBy(() -> new CmisPlugin().start(TestContext.of(settings)))
                .isInstanceOf(PluginException.class).hasMessageContaining(message);
    }

    private static Map<String, String> with(Map<String, String> base, String... more) {
        Map<String, String> copy = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            copy.put(more[i], more[i + 1]);
        }
        return copy;
    }

    private static Map<String, String> without(Map<String, String> base, String key) {
        Map<String, String> copy = new HashMap<>(base);
        copy.remove(key);
        return copy;
    }

}
