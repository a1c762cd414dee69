package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PushPlugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The intranet plugin as the SDK sees it: at start, it hands the context's observatory, and the mappings of its
 * configuration, to the {@link ObservatoireFilter}, the {@link SelfDeclarationServlet} and the CDI beans of the
 * application, which the container creates and the SDK cannot reach.
 *
 * <p>Configuration, under {@code observatoire.plugins.intranet.}: {@code mappings}, the path of a mapping file (see
 * {@link UsageMappings}) for filters declared without mappings of their own. Optional: without it, such filters
 * count nothing, and the form and the interceptor work all the same.
 */
public final class IntranetPlugin implements PushPlugin {
    public static final String NAME = "intranet";
    public static final String VERSION = "0.1.0";
    public static final String MAPPINGS_KEY = "mappings";

    private Observatory observatory;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(PluginContext context) throws PluginException {
        UsageMappings mappings = mappings(context.config().get(MAPPINGS_KEY));
        observatory = context.observatory();
        IntranetRuntime.install(observatory, mappings);
    }

    @Override
    public void stop() {
        IntranetRuntime.uninstall(observatory);
        observatory = null;
    }

    /** At start a wrong file is refused with its line: the SDK then disables the plugin and reports why. */
    private static UsageMappings mappings(Optional<String> file) throws PluginException {
        if (file.isEmpty() || file.get().isBlank()) {
            return null;
        }
        Path path = Path.of(file.get().trim());
        if (!Files.isReadable(path)) {
            throw new PluginException("observatoire.plugins.intranet." + MAPPINGS_KEY + ": cannot read the mapping file " + path.toAbsolutePath());
        }
        List<String> errors = new ArrayList<>();
        UsageMappings mappings;
        try {
            mappings = UsageMappings.read(path, errors::add);
        } catch (IOException e) {
            throw new PluginException("observatoire.plugins.intranet." + MAPPINGS_KEY + ": cannot read " + path.toAbsolutePath() + ": " + e, false, e);
        }
        if (!errors.isEmpty()) {
            throw new PluginException("observatoire.plugins.intranet." + MAPPINGS_KEY + ": " + path.toAbsolutePath() + ", " + String.join("; ", errors));
        }
        return mappings;
    }
}
