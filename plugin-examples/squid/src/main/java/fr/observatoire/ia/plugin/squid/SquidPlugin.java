package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullBatchBuilder;
import fr.observatoire.ia.spi.PullPlugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Shadow AI from Squid's access.log, as a pull plugin: each pull scans the log from the committed cursor and
 * returns the accesses to public AI services, the agents seen (pseudonymised by the SDK on arrival), the
 * inventory entries of the services seen and the malformed lines, with the cursor after them. The SDK commits
 * all of it in one transaction, so a crash repeats nothing and loses nothing.
 *
 * <p>Configuration under {@code observatoire.plugins.squid.}: {@code log} (required), {@code catalogue},
 * {@code subnets}, {@code default-service}; see {@link SquidSettings} and the module's README.
 */
public final class SquidPlugin implements PullPlugin {
    /** The plugin's name, configuration namespace and provenance source. */
    public static final String NAME = ScanResult.SOURCE;
    private static final String VERSION = readVersion();

    private volatile SquidSettings settings;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** A proxy log grows all day: every five minutes keeps each pull short. */
    @Override
    public Duration defaultInterval() {
        return Duration.ofMinutes(5);
    }

    @Override
    public void start(PluginContext context) throws PluginException {
        settings = SquidSettings.read(context.config());
    }

    @Override
    public PullBatch pull(Optional<String> cursor, PullProgress progress) throws PluginException {
        SquidSettings current = settings;
        if (current == null) {
            throw new PluginException("the squid plugin was not started (its configuration was not read)");
        }
        ScanCursor from = decode(cursor);
        PullBatchBuilder batch = PullBatch.builder();
        // A scanner per pull: it caches counter handles of the observatory it was given, here this batch.
        SquidLogScanner scanner = new SquidLogScanner(batch.recorder(), current.catalogue(), current.subnets());
        PullProgress listener = progress == null ? PullProgress.NONE : progress;
        ScanResult result;
        try {
            result = scanner.scan(current.log(), from, listener::update);
        } catch (NoSuchFileException e) {
            // Between a rotation and Squid reopening its log, the file may briefly not exist.
            throw PluginException.transientFailure(current.log() + " does not exist (rotation in progress, or "
                    + SquidSettings.PREFIX + SquidSettings.LOG + " is wrong)", null);
        } catch (IOException e) {
            throw PluginException.transientFailure("cannot read " + current.log() + ": " + e.getMessage(), null);
        }
        ShadowAiInventory.usages(current.catalogue(), result).forEach(batch::usage);
        if (result.malformed() > 0) {
            batch.loss(result.malformedLoss());
        }
        // A scan that stopped early (read error) still returns what it counted and where it stopped: committing
        // both is right, the next pull goes on from there.
        return batch.records(result.linesRead()).cursor(result.cursor().encode()).build();
    }

    @Override
    public void stop() {
        settings = null;
    }

    private static ScanCursor decode(Optional<String> cursor) throws PluginException {
        if (cursor.isEmpty()) {
            return ScanCursor.START;
        }
        try {
            return ScanCursor.decode(cursor.get());
        } catch (IllegalArgumentException e) {
            throw new PluginException("the stored squid cursor is unreadable (" + e.getMessage()
                    + "); the plugin state of the data directory was altered");
        }
    }

    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = SquidPlugin.class.getResourceAsStream("plugin.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }
}
