package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;

import java.time.Clock;
import java.util.Map;

/** Starts the plugin as the SDK would. */
final class Plugins {
    private Plugins() {
    }

    static GlpiPlugin started(Map<String, String> config, Clock clock) throws PluginException {
        GlpiPlugin plugin = new GlpiPlugin();
        plugin.start(context(config, clock));
        return plugin;
    }

    static PluginContext context(Map<String, String> config, Clock clock) {
        TestConfig pluginConfig = new TestConfig(config);
        Observatory observatory = PullBatch.builder().recorder();
        return new PluginContext() {
            @Override
            public PluginConfig config() {
                return pluginConfig;
            }

            @Override
            public Observatory observatory() {
                return observatory;
            }

            @Override
            public Clock clock() {
                return clock;
            }
        };
    }
}
