package fr.observatoire.ia.sdk.internal.plugins;

import fr.observatoire.ia.sdk.PluginSettings;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.util.Optional;

/** A plugin's keys: {@code get("log")} reads {@code observatoire.plugins.<name>.log}. */
record NamespacedConfig(PluginSettings settings, String name) implements PluginConfig {

    String fullKey(String key) {
        return PluginSettings.PREFIX + name + "." + key;
    }

    @Override
    public Optional<String> get(String key) {
        return settings.value(fullKey(key));
    }

    @Override
    public String require(String key) throws PluginException {
        return get(key).orElseThrow(() -> new PluginException(fullKey(key) + " is required by the " + name
                + " plugin: set it in the configuration file or as the environment variable "
                + fullKey(key).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
    }
}
