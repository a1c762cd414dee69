package fr.observatoire.ia.testkit.conformance;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A configuration mistake the plugin must refuse at {@code start()} with a
 * {@link fr.observatoire.ia.spi.PluginException} that names {@link #key()}: a required setting left out, or a value
 * it cannot use.
 *
 * @param key   the setting, without the {@code observatoire.plugins.<name>.} prefix
 * @param value the wrong value, or null for a setting left out
 */
public record InvalidSetting(String key, String value) {
    public InvalidSetting {
        Objects.requireNonNull(key, "key");
    }

    /** A required setting left out. */
    public static InvalidSetting missing(String key) {
        return new InvalidSetting(key, null);
    }

    /** A setting with a value the plugin cannot use. */
    public static InvalidSetting of(String key, String value) {
        return new InvalidSetting(key, Objects.requireNonNull(value, "value"));
    }

    /** {@code valid} with this mistake made. */
    public Map<String, String> applyTo(Map<String, String> valid) {
        Map<String, String> settings = new HashMap<>(valid);
        if (value == null) {
            settings.remove(key);
        } else {
            settings.put(key, value);
        }
        return settings;
    }

    @Override
    public String toString() {
        return value == null ? key + " left out" : key + "='" + value + "'";
    }
}
