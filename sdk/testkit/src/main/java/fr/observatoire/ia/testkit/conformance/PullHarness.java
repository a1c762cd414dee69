package fr.observatoire.ia.testkit.conformance;

import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin;
import fr.observatoire.ia.testkit.RecordingObservatory;
import fr.observatoire.ia.testkit.TestPluginContext;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Starts, pulls and stops plugin instances as the SDK would (a context per instance, every call bounded in time),
 * and says which step failed when one does. Instances still running at the end of a test are stopped.
 */
final class PullHarness implements AutoCloseable {
    private final Supplier<PullPlugin> factory;
    private final Map<String, String> settings;
    private final Clock clock;
    private final Duration pullLimit;
    private final RecordingObservatory observatory = new RecordingObservatory();
    private final Timed timed = new Timed();
    private final List<PullPlugin> running = new ArrayList<>();

    PullHarness(Supplier<PullPlugin> factory, Map<String, String> settings, Clock clock, Duration pullLimit) {
        this.factory = factory;
        this.settings = Map.copyOf(settings);
        this.clock = clock;
        this.pullLimit = pullLimit;
    }

    Timed timed() {
        return timed;
    }

    /** The observatory every context hands out: a pull plugin must leave it alone. */
    RecordingObservatory observatory() {
        return observatory;
    }

    TestPluginContext context(String pluginName, Map<String, String> values) {
        return new TestPluginContext(pluginName, values, observatory, clock);
    }

    /** A new instance, started with the valid configuration. */
    PullPlugin started() {
        PullPlugin plugin = factory.get();
        TestPluginContext context = context(plugin.name(), settings);
        Timed.Result<Object> result = timed.run("start()", PluginContracts.START_STOP_LIMIT, () -> {
            plugin.start(context);
            return null;
        });
        if (result.threw()) {
            throw new AssertionError("start() refused the suite's configuration() (it must be valid): " + result.thrown(), result.thrown());
        }
        running.add(plugin);
        return plugin;
    }

    /** One pull, whatever it does (returns or throws); fails only when it does not return in time. */
    Timed.Result<PullBatch> pull(PullPlugin plugin, Optional<String> cursor, String step) {
        return timed.run(step + ": pull(" + cursor.map(c -> "'" + c + "'").orElse("no cursor") + ")", pullLimit,
                () -> plugin.pull(cursor, PullPlugin.PullProgress.NONE));
    }

    /** One pull that must succeed. */
    BatchView pulled(PullPlugin plugin, Optional<String> cursor, String step) {
        Timed.Result<PullBatch> result = pull(plugin, cursor, step);
        if (result.threw()) {
            Throwable thrown = result.thrown();
            String advice = thrown instanceof PluginException ? "" : " (and only a PluginException may ever leave a pull)";
            throw new AssertionError(step + " failed on a healthy source: " + thrown + advice, thrown);
        }
        if (result.value() == null) {
            throw new AssertionError(step + ": pull() returned null; return a PullBatch, empty if there is nothing new");
        }
        return BatchView.of(result.value());
    }

    /** A pull by a new instance, stopped afterwards: what the SDK does after a restart. */
    BatchView pulledByNewInstance(Optional<String> cursor, String step) {
        PullPlugin plugin = started();
        BatchView batch = pulled(plugin, cursor, step);
        stop(plugin);
        return batch;
    }

    void stop(PullPlugin plugin) {
        running.remove(plugin);
        PluginContracts.assertStops(plugin, timed);
    }

    @Override
    public void close() {
        for (PullPlugin plugin : List.copyOf(running)) {
            PluginContracts.stopQuietly(plugin, timed);
        }
        running.clear();
        timed.close();
    }

    static Optional<String> cursorOf(BatchView batch) {
        return Optional.ofNullable(batch.cursor());
    }

    /** The cursor the SDK holds after committing {@code later} on top of {@code earlier}: null keeps the previous one. */
    static Optional<String> cursorAfter(BatchView earlier, BatchView later) {
        return Optional.ofNullable(later.cursor() != null ? later.cursor() : earlier.cursor());
    }
}
