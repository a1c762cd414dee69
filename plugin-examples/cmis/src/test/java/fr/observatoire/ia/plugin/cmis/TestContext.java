package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A plugin context over a map of settings (keys without the {@code observatoire.plugins.cmis.} prefix) and a fixed clock. */
final class TestContext implements PluginContext {
    static final Instant NOW = Instant.parse("2024-06-12T00:00:00Z");

    private final Map<String, String> settings;
    private final Clock clock;

    TestContext(Map<String, String> settings, Clock clock) {
        this.settings = new HashMap<>(settings);
        this.clock = clock;
    }

    static TestContext of(Map<String, String> settings) {
        return new TestContext(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    TestContext with(String key, String value) {
        Map<String, String> copy = new HashMap<>(settings);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new TestContext(copy, clock);
    }

    @Override
    public PluginConfig config() {
        return new PluginConfig() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(settings.get(key));
            }

            @Override
            public String require(String key) throws PluginException {
                return get(key).orElseThrow(() -> new PluginException(CmisSettings.key(key) + " is not set"));
            }
        };
    }

    @Override
    public Observatory observatory() {
        return PullBatch.builder().recorder();
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
