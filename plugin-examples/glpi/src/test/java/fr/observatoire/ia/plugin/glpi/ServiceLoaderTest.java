package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.ObservatoirePlugin;
import fr.observatoire.ia.spi.PullPlugin;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK finds the plugin by its name, as the SPI says. */
class ServiceLoaderTest {

    @Test
    void isFoundAsGlpiWithTheVersionItWasBuiltAs() {
        ObservatoirePlugin plugin = ServiceLoader.load(ObservatoirePlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("glpi"))
                .findFirst().orElseThrow();

        assertThat(plugin).isInstanceOf(GlpiPlugin.class).isInstanceOf(PullPlugin.class);
        assertThat(plugin.name()).matches(ObservatoirePlugin.NAME);
        assertThat(plugin.version()).isNotEqualTo("unknown").doesNotContain("${");
        assertThat(plugin.spiVersion()).isEqualTo(ObservatoirePlugin.SPI_VERSION);
    }
}
