package fr.observatoire.ia.sdk.internal.plugins;

import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.spi.ObservatoirePlugin;

import java.lang.System.Logger.Level;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds plugins with {@link ServiceLoader}. A provider that cannot be loaded or named (a jar missing one of its
 * dependencies) is logged and skipped: one broken jar in a plugins directory must not hide the others.
 */
final class PluginDiscovery {
    /** Bounds the loop should a broken provider make the iterator fail without advancing. */
    private static final int MAX_PROVIDERS = 1_000;

    private PluginDiscovery() {
    }

    /** Plugins by name: {@code given} first (they win), then the ServiceLoader's in {@code loader}'s order. */
    static Map<String, ObservatoirePlugin> discover(ClassLoader loader, List<ObservatoirePlugin> given) {
        Map<String, ObservatoirePlugin> plugins = new LinkedHashMap<>();
        given.forEach(plugin -> add(plugins, plugin));
        ClassLoader effective = loader != null ? loader : PluginDiscovery.class.getClassLoader();
        Iterator<ObservatoirePlugin> providers = ServiceLoader.load(ObservatoirePlugin.class, effective).iterator();
        for (int i = 0; i < MAX_PROVIDERS; i++) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                add(plugins, providers.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                Health.LOG.log(Level.WARNING, "A plugin could not be loaded and is ignored: " + e, e);
            }
        }
        return plugins;
    }

    private static void add(Map<String, ObservatoirePlugin> plugins, ObservatoirePlugin plugin) {
        String name;
        try {
            name = plugin.name();
        } catch (RuntimeException | LinkageError e) {
            Health.LOG.log(Level.WARNING, "Plugin class " + plugin.getClass().getName() + " cannot tell its name and is ignored: " + e, e);
            return;
        }
        ObservatoirePlugin first = plugins.putIfAbsent(name, plugin);
        if (first != null && first.getClass() != plugin.getClass()) {
            Health.LOG.log(Level.WARNING, "Two plugins are named {0}: {1} is used, {2} is ignored.", name,
                    first.getClass().getName(), plugin.getClass().getName());
        }
    }

    /**
     * Why {@code plugin} cannot run with this SDK, or null if it can: another major version of the SPI means
     * methods it calls or implements may not exist on this side.
     */
    static String incompatibility(ObservatoirePlugin plugin) {
        String spi = plugin.spiVersion();
        if (spi != null && major(spi).equals(major(ObservatoirePlugin.SPI_VERSION))) {
            return null;
        }
        return "plugin " + plugin.name() + " " + plugin.version() + " was built for plugin SPI " + spi + ", this SDK implements SPI "
                + ObservatoirePlugin.SPI_VERSION + ": install a version of the plugin built for SPI "
                + major(ObservatoirePlugin.SPI_VERSION) + ".x, or an SDK implementing SPI " + spi;
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return (dot < 0 ? version : version.substring(0, dot)).trim();
    }
}
