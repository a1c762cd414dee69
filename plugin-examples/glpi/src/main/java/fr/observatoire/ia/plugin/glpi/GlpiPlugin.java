package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;

/**
 * Counts AI incidents and AI usage requests from GLPI helpdesk tickets of configured ITIL categories, through
 * GLPI's legacy REST API or GLPI 11's v2 API. Configuration keys are under {@code observatoire.plugins.glpi.}
 * (see the module's README). Only ticket ids, category, entity, opening date and the severity field are asked
 * for; no title, text, requester or technician ever reaches the batch.
 *
 * <p>The cursor is the opening date before which every ticket has been counted: a restart repeats nothing and
 * loses nothing (see {@link Window}).
 */
public final class GlpiPlugin implements PullPlugin {
    public static final String NAME = "glpi";

    private static final String VERSION = readVersion();

    private volatile Started started;

    /** What {@link #start} established. */
    private record Started(GlpiSettings settings, GlpiHttp http, Clock clock) {
    }

    /** For {@link java.util.ServiceLoader}. */
    public GlpiPlugin() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** Reads and checks the whole configuration, so that a mistake is reported at start, not at the first pull. */
    @Override
    public void start(PluginContext context) throws PluginException {
        GlpiSettings settings = GlpiSettings.from(context.config());
        started = new Started(settings, new GlpiHttp(settings.timeout()), context.clock());
    }

    @Override
    public PullBatch pull(Optional<String> cursor, PullProgress progress) throws PluginException {
        Started s = started;
        if (s == null) {
            throw new PluginException("the GLPI plugin was not started");
        }
        try {
            Optional<OpeningCursor> from = cursor.isPresent() ? Optional.of(OpeningCursor.decode(cursor.get())) : Optional.empty();
            Window window = Window.next(from, s.settings().since(), s.clock().instant(), s.settings().settleDelay(), s.settings().zone());
            try (TicketSource source = TicketSource.open(s.settings(), s.http())) {
                return new TicketCounter(s.settings(), progress == null ? PullProgress.NONE : progress).count(source, window);
            }
        } catch (RuntimeException e) {
            // A defect of the plugin, not of GLPI. Its message could quote what was being read, so only where it
            // happened is kept, and the pull fails like any other: cursor unchanged.
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            throw new PluginException("the GLPI plugin failed unexpectedly (" + e.getClass().getName()
                    + (at == null ? "" : " at " + at) + "); please report it", false, null);
        }
    }

    @Override
    public String toString() {
        Started s = started;
        return "GlpiPlugin[" + VERSION + (s == null ? ", not started" : ", " + s.settings().root()) + "]";
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = GlpiPlugin.class.getResourceAsStream("plugin.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // falls back below
        }
        return properties.getProperty("version", "unknown");
    }
}
