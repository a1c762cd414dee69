package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.GlobalObservatory;
import fr.observatoire.ia.api.Observatory;
import jakarta.servlet.ServletContext;

import java.util.function.Supplier;

/**
 * What {@link IntranetPlugin} hands the filter, the servlet and the CDI beans, which the container creates and the
 * plugin cannot reach: the observatory it was started with and the mappings of its configuration. A static holder,
 * because the SDK (which loads the plugin) and the container (which creates the filter) never meet otherwise.
 */
final class IntranetRuntime {
    private static volatile Observatory pluginObservatory;
    private static volatile UsageMappings pluginMappings;

    private IntranetRuntime() {
    }

    static void install(Observatory observatory, UsageMappings mappings) {
        pluginObservatory = observatory;
        pluginMappings = mappings;
    }

    static void uninstall(Observatory observatory) {
        if (pluginObservatory == observatory) {
            pluginObservatory = null;
            pluginMappings = null;
        }
    }

    /** The plugin's observatory if it was started, else the application's global one (the no-op until set). */
    static Observatory observatory() {
        Observatory observatory = pluginObservatory;
        return observatory != null ? observatory : GlobalObservatory.get();
    }

    /** The mappings of the plugin's configuration, or null; read on every request, hence no Optional. */
    static UsageMappings mappingsOrNull() {
        return pluginMappings;
    }

    /**
     * Where a filter or servlet of {@code context} finds its observatory: the context attribute
     * {@link ObservatoireFilter#OBSERVATORY_ATTRIBUTE} when the application set one, else {@link #observatory()}.
     */
    static Supplier<Observatory> source(ServletContext context) {
        return () -> context.getAttribute(ObservatoireFilter.OBSERVATORY_ATTRIBUTE) instanceof Observatory own
                ? own : observatory();
    }
}
