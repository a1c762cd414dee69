package fr.observatoire.ia.spi;

import java.util.regex.Pattern;

/** What every plugin has: a name (its configuration namespace too) and a version. */
public interface ObservatoirePlugin {
    /** Version of this SPI; a plugin built against another major version is refused with a clear message. */
    String SPI_VERSION = "1.0";

    Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    /** Lower-case name matching {@link #NAME}, e.g. {@code glpi}; configuration keys are {@code observatoire.plugins.<name>.*}. */
    String name();

    /** The plugin's own version, reported in every declaration's provenance. */
    String version();

    /** The SPI version the plugin was built against. */
    default String spiVersion() {
        return SPI_VERSION;
    }

    /**
     * Called once before any other call, with the plugin's configuration. Throw {@link PluginException}
     * with an actionable message when the configuration is wrong: the plugin is then disabled and reported.
     */
    default void start(PluginContext context) throws PluginException {
    }

    /** Called once at shutdown; must return promptly and not throw. */
    default void stop() {
    }
}
