package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** A plugin context over a map of settings (keys without the {@code observatoire.plugins.squid.} prefix). */
record MapPluginContext(Map<String, String> settings) implements PluginContext {
    @Override
    public PluginConfig config() {
        return new PluginConfig() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(settings.get(key));
            }

            @Override
            public String require(String key) throws PluginException {
                return get(key).orElseThrow(() -> new PluginException(SquidSettings.PREFIX + key + " is required"));
            }
        };
    }

    @Override
    public Observatory observatory() {
        return Observatory.noop();
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
