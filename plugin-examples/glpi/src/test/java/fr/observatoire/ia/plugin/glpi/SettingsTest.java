package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.spi.PluginException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings, read at start: every mistake is reported there, naming the full key. */
class SettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("url", "https://glpi.ville-exemple.fr/glpi");
        config.put("user-token", "tok");
        config.put("categories.incident", "42:FACTUAL_ERROR");
        return config;
    }

    private static GlpiSettings read(Map<String, String> config) throws PluginException {
        return GlpiSettings.from(new TestConfig(config));
    }

    @Test
    void defaults() throws Exception {
        GlpiSettings settings = read(minimal());

        assertThat(settings.root()).isEqualTo(URI.create("https://glpi.ville-exemple.fr/glpi/"));
        assertThat(settings.credentials()).isInstanceOf(Credentials.UserToken.class);
        assertThat(((Credentials.UserToken) settings.credentials()).appToken()).isEmpty();
        assertThat(settings.pageSize()).isEqualTo(50);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.settleDelay()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(settings.since()).isEmpty();
        assertThat(settings.severity()).isEqualTo(SeverityRule.defaults());
        assertThat(settings.entities().serviceOf("Entité racine > Ville")).isEqualTo(Service.TRANSVERSAL);
    }

    /** The example of the README, read as the SDK would read it. */
    @Test
    void theReadmeExample() throws Exception {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("url", "https://glpi.ville-exemple.fr/");
        config.put("api", "legacy");
        config.put("user-token", "q56hqkniwot8wntb3z1qarka5atf365taaa2uyjrn");
        config.put("app-token", "f7g3csp8mgatg5ebc5elnazakw20i9fyev1qopya7");
        config.put("categories.incident", "42:FACTUAL_ERROR;43:PERSONAL_DATA_DISCLOSURE;44");
        config.put("categories.incident.44", "inappropriate-answer");
        config.put("categories.usage-request", "57:redaction-courriers, 58:transcription-conseil");
        config.put("severity.field", "priority");
        config.put("severity.map", "5:S2");
        config.put("entities", "Entité racine > Ville > Urbanisme:URBAN_PLANNING; Entité racine > Ville > DRH:HUMAN_RESOURCES");
        config.put("default-service", "TRANSVERSAL");
        config.put("page-size", "100");
        config.put("timeout", "PT20S");
        config.put("settle-delay", "PT6H");
        config.put("timezone", "Europe/Paris");
        config.put("since", "2025-01-06");

        GlpiSettings settings = read(config);

        assertThat(settings.categories().incidents()).isEqualTo(Map.of(42, IncidentCategory.FACTUAL_ERROR,
                43, IncidentCategory.PERSONAL_DATA_DISCLOSURE, 44, IncidentCategory.INAPPROPRIATE_ANSWER));
        assertThat(settings.categories().usageRequests()).isEqualTo(Map.of(57, "redaction-courriers", 58, "transcription-conseil"));
        assertThat(settings.categories().ids()).containsExactly(42, 43, 44, 57, 58);
        assertThat(settings.severity().severityOf(5)).contains(Severity.S2);
        assertThat(settings.severity().severityOf(6)).contains(Severity.S4);
        assertThat(settings.entities().serviceOf("Entité racine &#62; Ville &#62; DRH &#62; Paie")).isEqualTo(Service.HUMAN_RESOURCES);
        assertThat(settings.pageSize()).isEqualTo(100);
        assertThat(settings.settleDelay()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.since()).contains(LocalDateTime.parse("2025-01-06T00:00:00"));
    }

    @Test
    void v2NeedsItsFourCredentials() throws Exception {
        Map<String, String> config = minimal();
        config.put("api", "v2");
        config.put("client-id", "id");
        config.put("client-secret", "secret");
        config.put("username", "observatoire-api");

        assertThatThrownBy(() -> read(config)).isInstanceOf(PluginException.class)
                .hasMessageContaining("'observatoire.plugins.glpi.password'");
        config.put("password", "pw");
        assertThat(read(config).credentials()).isInstanceOf(Credentials.OAuthPassword.class);
    }

    @Test
    void aPastedApiUrlIsForgiven() throws Exception {
        Map<String, String> config = minimal();
        config.put("url", "https://glpi.ville-exemple.fr/apirest.php/");
        assertThat(read(config).root()).isEqualTo(URI.create("https://glpi.ville-exemple.fr/"));
        config.put("url", "https://glpi.ville-exemple.fr/glpi/api.php");
        assertThat(read(config).root()).isEqualTo(URI.create("https://glpi.ville-exemple.fr/glpi/"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "url|ftp://glpi.ville-exemple.fr/|'observatoire.plugins.glpi.url' must be GLPI's root URL",
            "url|https://user:pw@glpi.ville-exemple.fr/|no user:password",
            "api|v3|'observatoire.plugins.glpi.api' has 'v3', which is not one of LEGACY, V2",
            "categories.incident|42:HALLUCINATION|'observatoire.plugins.glpi.categories.incident' has 'HALLUCINATION', which is not one of FACTUAL_ERROR",
            "categories.incident|forty-two:FACTUAL_ERROR|'forty-two' is not a whole number from 1 to",
            "categories.incident|42:FACTUAL_ERROR;42:SECURITY|lists category 42 twice",
            "categories.incident|42|missing setting 'observatoire.plugins.glpi.categories.incident.42'",
            "categories.incident|:FACTUAL_ERROR|has an incomplete entry ':FACTUAL_ERROR'",
            "categories.incident|''|nothing to read",
            "categories.usage-request|42:redaction|category 42 is in both",
            "categories.usage-request|57:Rédaction Courriers|'Rédaction Courriers', which is not a usage id",
            "severity.field|gravité|'observatoire.plugins.glpi.severity.field' has 'gravité', which is not one of PRIORITY, URGENCY, IMPACT",
            "severity.map|5:S9|'observatoire.plugins.glpi.severity.map' has 'S9'",
            "severity.map|500:S2|'500' is not a whole number from 0 to 99",
            "severity.map|5|has no severity",
            "entities|Entité racine > Ville > Urbanisme|has no service",
            "entities|Entité racine > Ville:MAIRIE|'MAIRIE', which is not one of CIVIL_REGISTRY",
            "default-service|Mairie|'observatoire.plugins.glpi.default-service' has 'Mairie'",
            "page-size|0|'observatoire.plugins.glpi.page-size': '0' is not a whole number from 1 to 500",
            "page-size|5000|from 1 to 500",
            "timeout|30s|'timeout' must be an ISO 8601 duration",
            "timeout|PT0S|must be a positive duration",
            "settle-delay|-PT1H|must not be negative",
            "timezone|Paris|must be a time zone id such as Europe/Paris",
            "since|06/01/2025|must be a date such as 2025-01-06"})
    void mistakesAreReportedAtStart(String key, String value, String message) {
        Map<String, String> config = minimal();
        config.put(key, value);

        assertThatThrownBy(() -> new GlpiPlugin().start(Plugins.context(config, Clock.systemUTC())))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(message)
                .matches(e -> !((PluginException) e).isTransient());
    }

    @Test
    void aMissingUrlOrTokenIsNamed() {
        Map<String, String> config = minimal();
        config.remove("url");
        assertThatThrownBy(() -> read(config)).hasMessageContaining("'observatoire.plugins.glpi.url'");
        Map<String, String> noToken = minimal();
        noToken.remove("user-token");
        assertThatThrownBy(() -> read(noToken)).hasMessageContaining("'observatoire.plugins.glpi.user-token'");
    }

    @Test
    void theCursorOfAStartedPluginNeedsNoGlpiWhenDamaged() throws Exception {
        GlpiPlugin plugin = Plugins.started(minimal(), Clock.systemUTC());
        assertThatThrownBy(() -> plugin.pull(Optional.of("v1;opened-before=2025-13-45T99:00:00"), null))
                .isInstanceOf(PluginException.class).hasMessageContaining("is not of the form");
    }
}
