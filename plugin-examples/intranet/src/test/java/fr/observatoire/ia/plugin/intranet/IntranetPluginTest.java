package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.spi.ObservatoirePlugin;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PushPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntranetPluginTest {
    private final RecordingObservatory recording = new RecordingObservatory();

    @AfterEach
    void reset() {
        IntranetRuntime.install(null, null);
    }

    private PluginContext context(Map<String, String> config) {
        return new PluginContext() {
            @Override
            public PluginConfig config() {
                return new PluginConfig() {
                    @Override
                    public Optional<String> get(String key) {
                        return Optional.ofNullable(config.get(key));
                    }

                    @Override
                    public String require(String key) throws PluginException {
                        return get(key).orElseThrow(() -> new PluginException("observatoire.plugins.intranet." + key + " is missing"));
                    }
                };
            }

            @Override
            public Observatory observatory() {
                return recording;
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }
        };
    }

    @Test
    void is_found_by_the_service_loader_as_a_push_plugin_with_a_valid_name() {
        assertThat(ServiceLoader.load(ObservatoirePlugin.class)).filteredOn(p -> p instanceof IntranetPlugin).singleElement()
                .satisfies(plugin -> {
                    assertThat(plugin).isInstanceOf(PushPlugin.class);
                    assertThat(plugin.name()).isEqualTo("intranet").matches(ObservatoirePlugin.NAME);
                    assertThat(plugin.spiVersion()).isEqualTo(ObservatoirePlugin.SPI_VERSION);
                });
    }

    @Test
    void hands_its_observatory_and_mappings_to_the_filter_and_the_servlet_until_stopped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mappings.txt");
        Files.writeString(file, "/assistant/* -> assistant TRANSVERSAL PROMPT\n");
        IntranetPlugin plugin = new IntranetPlugin();
        plugin.start(context(Map.of(IntranetPlugin.MAPPINGS_KEY, file.toString())));

        assertThat(IntranetRuntime.observatory()).isSameAs(recording);
        assertThat(IntranetRuntime.mappingsOrNull().mappings()).extracting(UsageMapping::usageId).containsExactly("assistant");

        plugin.stop();
        assertThat(IntranetRuntime.observatory()).isNotSameAs(recording);
        assertThat(IntranetRuntime.mappingsOrNull()).isNull();
    }

    @Test
    void starts_without_a_mapping_file() throws Exception {
        IntranetPlugin plugin = new IntranetPlugin();
        plugin.start(context(Map.of()));
        assertThat(IntranetRuntime.observatory()).isSameAs(recording);
        assertThat(IntranetRuntime.mappingsOrNull()).isNull();
    }

    @Test
    void refuses_a_missing_or_wrong_mapping_file_with_the_key_and_the_line(@TempDir Path dir) throws Exception {
        IntranetPlugin plugin = new IntranetPlugin();
        assertThatThrownBy(() -> plugin.start(context(Map.of(IntranetPlugin.MAPPINGS_KEY, dir.resolve("absent.txt").toString()))))
                .isInstanceOf(PluginException.class).hasMessageContaining("observatoire.plugins.intranet.mappings")
                .hasMessageContaining("absent.txt");
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "/ok/* -> ok OTHER PROMPT\n/x/* -> x NOT_A_SERVICE PROMPT\n");
        assertThatThrownBy(() -> plugin.start(context(Map.of(IntranetPlugin.MAPPINGS_KEY, bad.toString()))))
                .isInstanceOf(PluginException.class).hasMessageContaining("line 2").hasMessageContaining("NOT_A_SERVICE");
        assertThat(IntranetRuntime.observatory()).as("a plugin that failed to start installs nothing").isNotSameAs(recording);
    }
}
