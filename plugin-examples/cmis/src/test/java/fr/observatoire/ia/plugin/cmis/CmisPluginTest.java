package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.ObservatoirePlugin;
import fr.observatoire.ia.spi.PluginException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration, identity and the cursor's encoding. */
class CmisPluginTest {

    @Test
    void isFoundByTheServiceLoaderUnderItsName() {
        List<ObservatoirePlugin> plugins = ServiceLoader.load(ObservatoirePlugin.class).stream().map(ServiceLoader.Provider::get).toList();

        assertThat(plugins).filteredOn(p -> p.name().equals("cmis")).singleElement().isInstanceOf(CmisPlugin.class)
                .satisfies(p -> {
                    assertThat(p.name()).matches(ObservatoirePlugin.NAME);
                    assertThat(p.version()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
                    assertThat(p.spiVersion()).isEqualTo(ObservatoirePlugin.SPI_VERSION);
                });
    }

    @Property(tries = 300)
    void theCursorRoundTripsAndEncodesCanonically(@ForAll long millis, @ForAll @Size(max = 6) Set<String> ids) throws PluginException {
        Instant createdAt = Instant.ofEpochMilli(Math.floorMod(millis, 253_402_300_799_999L));
        CmisCursor cursor = CmisCursor.of(createdAt, ids);

        String encoded = cursor.encode();

        assertThat(CmisCursor.decode(Optional.of(encoded))).contains(cursor);
        assertThat(CmisCursor.of(createdAt, Set.copyOf(ids)).encode()).isEqualTo(encoded);
    }

    @Test
    void theCursorIsReadable() {
        assertThat(CmisCursor.of(Instant.parse("2024-06-10T06:13:20Z"), Set.of("b", "a")).encode())
                .isEqualTo("{\"v\":1,\"createdAt\":\"2024-06-10T06:13:20Z\",\"ids\":[\"a\",\"b\"]}");
    }
}
