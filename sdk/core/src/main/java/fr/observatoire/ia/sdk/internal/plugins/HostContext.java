package fr.observatoire.ia.sdk.internal.plugins;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginContext;

import java.time.Clock;

/** What a plugin gets at start: its configuration, the SDK to record into, and the SDK's clock. */
record HostContext(PluginConfig config, Observatory observatory, Clock clock) implements PluginContext {
}
