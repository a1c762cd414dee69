package fr.observatoire.ia.spi;

import java.time.Duration;
import java.util.Optional;

/** The plugin's own configuration: the keys under {@code observatoire.plugins.<name>.}, without that prefix. */
public interface PluginConfig {
    Optional<String> get(String key);

    /** The value, or a {@link PluginException} naming the full key that is missing. */
    String require(String key) throws PluginException;

    default Optional<Duration> duration(String key) throws PluginException {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(value.get()));
        } catch (RuntimeException e) {
            throw new PluginException("'" + key + "' must be an ISO 8601 duration such as PT15M, was '" + value.get() + "'");
        }
    }

    default Optional<Integer> integer(String key) throws PluginException {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.get().trim()));
        } catch (NumberFormatException e) {
            throw new PluginException("'" + key + "' must be a whole number, was '" + value.get() + "'");
        }
    }
}
