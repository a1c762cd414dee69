package fr.observatoire.ia.spi;

/**
 * A plugin that lives inside a host application (a servlet filter, a CDI bean) and records through the
 * {@link PluginContext#observatory()} it was given at start, as things happen.
 */
public interface PushPlugin extends ObservatoirePlugin {
}
