package fr.observatoire.ia.testkit;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.spi.ObservatoirePlugin;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PluginContext} as the SDK builds one, over a map of settings: keys without the
 * {@code observatoire.plugins.<name>.} prefix, a blank value counting as absent, and {@link PluginConfig#require}
 * naming the full key, as the SDK's configuration does.
 *
 * @param pluginName  the plugin's name, for the full key in messages
 * @param settings    the plugin's settings, keys without prefix
 * @param observatory what push plugins record into (pull plugins return batches instead)
 * @param clock       the clock the plugin is given
 */
public record TestPluginContext(String pluginName, Map<String, String> settings, Observatory observatory, Clock clock)
        implements PluginContext {

    public TestPluginContext {
        Objects.requireNonNull(pluginName, "pluginName");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(observatory, "observatory");
        Objects.requireNonNull(clock, "clock");
    }

    /** For {@code plugin}, with these settings, a {@link RecordingObservatory} and the system clock. */
    public static TestPluginContext of(ObservatoirePlugin plugin, Map<String, String> settings) {
        return new TestPluginContext(plugin.name(), settings, new RecordingObservatory(), Clock.systemUTC());
    }

    /** The full configuration key of a setting: {@code observatoire.plugins.<name>.<key>}. */
    public String fullKey(String key) {
        return "observatoire.plugins." + pluginName + "." + key;
    }

    /** The same context with one setting changed, or removed when {@code value} is null. */
    public TestPluginContext with(String key, String value) {
        Map<String, String> copy = new HashMap<>(settings);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new TestPluginContext(pluginName, copy, observatory, clock);
    }

    public TestPluginContext withObservatory(Observatory other) {
        return new TestPluginContext(pluginName, settings, other, clock);
    }

    public TestPluginContext withClock(Clock other) {
        return new TestPluginContext(pluginName, settings, observatory, other);
    }

    @Override
    public PluginConfig config() {
        return new PluginConfig() {
            /** As the SDK's: a blank value counts as absent. */
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(settings.get(key)).filter(value -> !value.isBlank());
            }

            @Override
            public String require(String key) throws PluginException {
                return get(key).orElseThrow(() -> new PluginException(fullKey(key) + " is required by the " + pluginName + " plugin"));
            }
        };
    }
}
