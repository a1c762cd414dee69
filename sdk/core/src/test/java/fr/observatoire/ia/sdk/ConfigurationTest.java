package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.Service;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MicroProfile Config (SmallRye): a properties file, system properties over it, defaults, and clear failures. */
class ConfigurationTest {
    @TempDir
    Path dir;

    private Map<String, String> valid() {
        Map<String, String> properties = new HashMap<>();
        properties.put("observatoire.endpoint", "https://observatoire.example.fr/");
        properties.put("observatoire.declarant.siren", "210600888");
        properties.put("observatoire.declarant.kind", "commune");
        properties.put("observatoire.declarant.insee-code", "06088");
        properties.put("observatoire.declarant.name", "Commune de Nice");
        properties.put("observatoire.data-dir", dir.resolve("data").toString());
        properties.put("observatoire.shutdown-hook", "false");
        return properties;
    }

    private Config config(Map<String, String> properties) throws IOException {
        Path file = dir.resolve("observatoire.properties");
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        Files.writeString(file, text);
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(file.toUri().toURL(), 100))
                .addSystemSources()
                .build();
    }

    @Test
    void a_properties_file_with_system_properties_over_it_configures_the_sdk_with_documented_defaults() throws Exception {
        Map<String, String> properties = valid();
        properties.put("observatoire.period", "WEEK");
        properties.put("observatoire.http.proxy", "http://proxy.mairie.local:3128");
        properties.put("observatoire.http.proxy-user", "sdk");
        properties.put("observatoire.http.proxy-password", "s3cret");
        properties.put("observatoire.retry.max-backoff", "10m");
        System.setProperty("observatoire.period", "MONTH");
        try (ObservatoireSdk sdk = ObservatoireSdk.fromConfig(config(properties))) {
            SdkConfig config = sdk.config().orElseThrow();
            assertThat(config.period()).as("system property wins over the file").isEqualTo(PeriodKind.MONTH);
            assertThat(config.endpoint()).isEqualTo(URI.create("https://observatoire.example.fr"));
            assertThat(config.declarant().kind()).isEqualTo(DeclarantKind.COMMUNE);
            assertThat(config.declarant().inseeCode()).isEqualTo("06088");
            assertThat(config.http().proxy()).isEqualTo(URI.create("http://proxy.mairie.local:3128"));
            assertThat(config.http().toString()).doesNotContain("s3cret");
            assertThat(config.retry().maxBackoff()).isEqualTo(Duration.ofMinutes(10));
            // Defaults
            assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
            assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(config.maxSeries()).isEqualTo(2000);
            assertThat(config.http().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(config.http().responseTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(config.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
            assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(sdk.isEnabled()).isTrue();
            assertThat(sdk.status().openPeriod().kind()).isEqualTo(PeriodKind.MONTH);
        } finally {
            System.clearProperty("observatoire.period");
        }
    }

    @Test
    void every_problem_is_reported_at_once_each_naming_its_key() throws Exception {
        Path aFile = Files.writeString(dir.resolve("not-a-dir"), "x");
        Map<String, String> properties = valid();
        properties.put("observatoire.declarant.siren", "123456789");
        properties.put("observatoire.endpoint", "htp:/observatoire");
        properties.put("observatoire.checkpoint-interval", "soon");
        properties.put("observatoire.http.proxy-user", "sdk");
        properties.put("observatoire.max-series", "lots");
        properties.put("observatoire.zone", "Europe/Nowhere");
        Config config = config(properties);

        assertThatThrownBy(() -> ObservatoireSdk.fromConfig(config))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(6))
                .hasMessageContaining("observatoire.declarant.siren '123456789' is not a valid SIREN")
                .hasMessageContaining("observatoire.endpoint: 'htp:/observatoire'")
                .hasMessageContaining("observatoire.checkpoint-interval: 'soon' is not a duration")
                .hasMessageContaining("observatoire.http.proxy-user is set but observatoire.http.proxy is not")
                .hasMessageContaining("observatoire.max-series: 'lots' is not a number")
                .hasMessageContaining("observatoire.zone: 'Europe/Nowhere' is not a time zone");

        properties = valid();
        properties.put("observatoire.data-dir", aFile.toString());
        Config badDir = config(properties);
        assertThatThrownBy(() -> ObservatoireSdk.fromConfig(badDir))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("observatoire.data-dir").hasMessageContaining("is not a directory");

        properties = valid();
        properties.put("observatoire.data-dir", dir.resolve("missing/parent/data").toString());
        Config missingParent = config(properties);
        assertThatThrownBy(() -> ObservatoireSdk.fromConfig(missingParent))
                .hasMessageContaining("observatoire.data-dir").hasMessageContaining("nor does its parent");

        properties = valid();
        properties.put("observatoire.declarant.insee-code", "6088");
        Config badInsee = config(properties);
        assertThatThrownBy(() -> ObservatoireSdk.fromConfig(badInsee))
                .hasMessageContaining("observatoire.declarant.insee-code").hasMessageContaining("a commune needs its 5-character INSEE code");

        properties = valid();
        properties.put("observatoire.http.trust-store", dir.resolve("absent.p12").toString());
        Config badTrustStore = config(properties);
        assertThatThrownBy(() -> ObservatoireSdk.fromConfig(badTrustStore))
                .hasMessageContaining("observatoire.http.trust-store").hasMessageContaining("does not exist");

        properties = valid();
        properties.remove("observatoire.endpoint");
        properties.remove("observatoire.declarant.siren");
        properties.remove("observatoire.declarant.kind");
        Config incomplete = config(properties);
        assertThatThrownBy(() -> ObservatoireSdk.fromConfig(incomplete))
                .hasMessageContaining("observatoire.endpoint is required")
                .hasMessageContaining("observatoire.declarant.siren and observatoire.declarant.kind are required");
    }

    @Test
    void with_the_noop_policy_a_broken_configuration_gives_a_disabled_sdk_that_never_throws() throws Exception {
        Map<String, String> properties = valid();
        properties.put("observatoire.declarant.siren", "000000001");
        properties.put("observatoire.on-invalid-config", "noop");
        ObservatoireSdk sdk = ObservatoireSdk.fromConfig(config(properties));
        assertThat(sdk.isEnabled()).isFalse();
        assertThat(sdk.status().enabled()).isFalse();
        assertThat(sdk.status().disabledReason()).contains("observatoire.declarant.siren");
        assertThatCode(() -> {
            sdk.activity("x", Service.FINANCE, ActionKind.PROMPT).add(1);
            sdk.agentActive("x", "someone");
            assertThat(sdk.flush(Duration.ofMillis(1))).isTrue();
            assertThat(sdk.preview()).isEmpty();
            sdk.close();
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> sdk.enrol("CODE")).isInstanceOf(EnrolmentException.class).hasMessageContaining("disabled");
    }

    @Test
    void a_disabled_sdk_needs_no_other_key_and_touches_no_disk() throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("observatoire.enabled", "false");
        properties.put("observatoire.data-dir", dir.resolve("never").toString());
        ObservatoireSdk sdk = ObservatoireSdk.fromConfig(config(properties));
        assertThat(sdk.isEnabled()).isFalse();
        assertThat(sdk.status().disabledReason()).isEqualTo("observatoire.enabled=false");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void the_builder_validates_eagerly_too() {
        assertThatThrownBy(() -> ObservatoireSdk.builder().endpoint("ftp://observatoire.example.fr").dataDir(dir)
                .checkpointInterval(Duration.ZERO).shutdownHook(false).build())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("observatoire.endpoint must be an absolute http(s) URL")
                .hasMessageContaining("observatoire.checkpoint-interval must be a positive duration")
                .hasMessageContaining("observatoire.declarant.siren");

        ObservatoireSdk tolerant = ObservatoireSdk.builder().endpoint("ftp://observatoire.example.fr").dataDir(dir)
                .onInvalidConfig(SdkConfig.OnInvalidConfig.NOOP).shutdownHook(false).build();
        assertThat(tolerant.isEnabled()).isFalse();
        assertThat(tolerant.status().disabledReason()).contains("observatoire.endpoint");
    }
}
