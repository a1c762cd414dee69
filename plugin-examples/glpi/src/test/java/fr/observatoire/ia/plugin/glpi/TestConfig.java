package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The plugin's configuration as the SDK hands it: keys without the {@code observatoire.plugins.glpi.} prefix. */
final class TestConfig implements PluginConfig {
    private final Map<String, String> values;

    TestConfig(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public String require(String key) throws PluginException {
        return get(key).orElseThrow(() -> new PluginException("missing setting '" + ConfigSyntax.PREFIX + key + "'"));
    }
}
