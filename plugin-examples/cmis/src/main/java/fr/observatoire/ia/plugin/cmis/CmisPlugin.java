package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Counts the documents of a GED (Alfresco, Nuxeo or any CMIS 1.1 repository) that are marked as produced or
 * assisted by AI, by service, as activity of one usage of the inventory. Reads ids and creation dates only: no
 * name, title, description, content or creator. Configuration under {@code observatoire.plugins.cmis.}: see the
 * module's README.
 */
public final class CmisPlugin implements PullPlugin {
    /** The plugin's name and configuration namespace. */
    public static final String NAME = "cmis";
    private static final String VERSION = readVersion();

    private volatile DocumentCounter counter;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** Reads and checks the whole configuration: a mistake is reported here, naming the setting. */
    @Override
    public void start(PluginContext context) throws PluginException {
        CmisSettings settings = CmisSettings.read(context.config());
        RepositoryHttp http = new RepositoryHttp(settings.authentication(), settings.timeout());
        String repository = settings.repository().toString();
        DocumentSource source = settings.mode() == Mode.ALFRESCO_SEARCH
                ? new AlfrescoSearchSource(http, settings.searchUrl())
                : new BrowserBindingSource(http, repository);
        counter = new DocumentCounter(settings, source, new FolderResolver(http, repository), context.clock());
    }

    /**
     * Counts what was created since {@code cursor}. Throws only {@link PluginException}, and then nothing of
     * the pull counts and the cursor stays where it was.
     */
    @Override
    public PullBatch pull(Optional<String> cursor, PullProgress progress) throws PluginException {
        DocumentCounter started = counter;
        if (started == null) {
            throw new PluginException("the cmis plugin was not started (its configuration was not read)");
        }
        try {
            return started.pull(cursor, progress == null ? PullProgress.NONE : progress);
        } catch (PluginException e) {
            throw e;
        } catch (RuntimeException e) {
            // A bug of ours. The exception is not kept as the cause: its message could quote what it failed on.
            throw new PluginException("internal error of the cmis plugin (" + e.getClass().getName() + where(e)
                    + "); nothing was counted, please report it", false, null);
        }
    }

    @Override
    public void stop() {
        counter = null;
    }

    private static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "" : " at " + trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = CmisPlugin.class.getResourceAsStream("plugin.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
