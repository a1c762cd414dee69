package fr.observatoire.ia.spi;

import fr.observatoire.ia.api.Observatory;

import java.time.Clock;

/** What the SDK hands a plugin at start. */
public interface PluginContext {
    PluginConfig config();

    /** The observatory to record into; push plugins keep it, pull plugins return batches instead. */
    Observatory observatory();

    Clock clock();
}
