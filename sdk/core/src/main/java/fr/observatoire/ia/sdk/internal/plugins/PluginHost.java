package fr.observatoire.ia.sdk.internal.plugins;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.sdk.PluginSettings;
import fr.observatoire.ia.sdk.PluginStatus;
import fr.observatoire.ia.sdk.internal.DaemonThreads;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.config.Durations;
import fr.observatoire.ia.sdk.internal.counters.Recorder;
import fr.observatoire.ia.sdk.internal.declare.PeriodCalendar;
import fr.observatoire.ia.sdk.internal.plugins.PluginStateTables.StoredState;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.spi.ObservatoirePlugin;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullPlugin;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the enabled plugins, runs the pull plugins and answers for their health. Whatever a plugin does (fail to
 * start, throw, hang) is contained here: the plugin is disabled or its pull counted as failed, reported in the
 * next declaration's provenance, and the SDK, the host and the other plugins go on.
 */
public final class PluginHost {
    /** How often a disabled plugin's FAILED report is put back after a declaration took it. */
    private static final Duration DISABLED_REPORT_INTERVAL = Duration.ofMinutes(1);

    private final PullCommitter committer;
    private final Health health;
    private final Clock clock;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private ScheduledExecutorService disabledReporter;

    /**
     * One enabled name.
     *
     * @param plugin   null when none was found
     * @param runner   the pull plugin's runner, null for a push plugin or a disabled one
     * @param disabled why it does not run, or null
     */
    private record Slot(String name, ObservatoirePlugin plugin, String version, PluginStatus.Kind kind, PullRunner runner,
                        String disabled) {
    }

    public PluginHost(Database database, PeriodCalendar calendar, Recorder recorder, Clock clock, Health health) {
        this.committer = new PullCommitter(database, calendar, recorder, clock);
        this.health = health;
        this.clock = clock;
    }

    /** Starts the plugins {@code settings} enables, with {@code observatory} (the SDK) in their context. Never throws. */
    public synchronized void start(PluginSettings settings, Observatory observatory) {
        List<String> enabled = settings.enabled();
        if (enabled.isEmpty()) {
            return;
        }
        Map<String, ObservatoirePlugin> found = PluginDiscovery.discover(settings.classLoader(), settings.instances());
        for (String name : enabled) {
            Slot slot = start(name, found, settings, observatory);
            slots.put(name, slot);
            if (slot.disabled() != null) {
                health.problem("plugin " + name, "Plugin " + name + " is disabled: " + slot.disabled(), null);
            }
        }
        reportDisabled();
        if (slots.values().stream().anyMatch(slot -> slot.disabled() != null)) {
            disabledReporter = DaemonThreads.scheduler("observatoire-plugin-host");
            long every = DISABLED_REPORT_INTERVAL.toMillis();
            disabledReporter.scheduleWithFixedDelay(DaemonThreads.guarded("report of disabled plugins", this::reportDisabled),
                    every, every, TimeUnit.MILLISECONDS);
        }
        if (settings.scheduled()) {
            slots.values().stream().filter(slot -> slot.runner() != null)
                    .forEach(slot -> slot.runner().schedule(settings.progress(slot.name())));
        }
        Health.LOG.log(Level.INFO, "Observatory plugins: {0}.", describe());
    }

    private Slot start(String name, Map<String, ObservatoirePlugin> found, PluginSettings settings, Observatory observatory) {
        if (!ObservatoirePlugin.NAME.matcher(name).matches()) {
            return disabled(name, null, null, "'" + name + "' in " + PluginSettings.ENABLED
                    + " is not a plugin name (2 to 32 lower-case letters, digits and '-')");
        }
        ObservatoirePlugin plugin = found.get(name);
        if (plugin == null) {
            return disabled(name, null, null, "no plugin named " + name + " was found (available: "
                    + (found.isEmpty() ? "none" : String.join(", ", found.keySet()))
                    + "); put its jar on the classpath or in the agent's plugins directory");
        }
        String version = "unknown";
        try {
            version = plugin.version();
            String incompatible = PluginDiscovery.incompatibility(plugin);
            if (incompatible != null) {
                return disabled(name, plugin, version, incompatible);
            }
            NamespacedConfig config = new NamespacedConfig(settings, name);
            Duration interval = plugin instanceof PullPlugin pull ? interval(config, pull) : null;
            plugin.start(new HostContext(config, observatory, clock));
            if (plugin instanceof PullPlugin pull) {
                PullRunner runner = new PullRunner(pull, name, version, interval, committer, health, clock);
                return new Slot(name, plugin, version, PluginStatus.Kind.PULL, runner, null);
            }
            return new Slot(name, plugin, version, PluginStatus.Kind.PUSH, null, null);
        } catch (PluginException e) {
            return disabled(name, plugin, version, Failures.truncate(e.getMessage()));
        } catch (Throwable e) {
            // Start reads configuration: its message names a setting, not source data, and is what the DSI needs.
            Health.LOG.log(Level.WARNING, "Plugin " + name + " failed to start: " + e, e);
            return disabled(name, plugin, version, Failures.truncate("the " + name + " plugin failed to start: " + e));
        }
    }

    private static Duration interval(NamespacedConfig config, PullPlugin plugin) throws PluginException {
        String key = config.fullKey(PluginSettings.INTERVAL);
        Duration interval;
        try {
            interval = config.get(PluginSettings.INTERVAL).map(Durations::parse).orElseGet(plugin::defaultInterval);
        } catch (IllegalArgumentException e) {
            throw new PluginException(key + ": " + e.getMessage());
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new PluginException(key + " must be a positive duration, e.g. PT15M, was " + interval);
        }
        return interval;
    }

    private Slot disabled(String name, ObservatoirePlugin plugin, String version, String reason) {
        PluginStatus.Kind kind = plugin == null ? null : plugin instanceof PullPlugin ? PluginStatus.Kind.PULL : PluginStatus.Kind.PUSH;
        return new Slot(name, plugin, version, kind, null, reason);
    }

    /** Puts each disabled plugin's FAILED report into the declaration being prepared, if a declaration took it. */
    private void reportDisabled() {
        for (Slot slot : slots.values()) {
            if (slot.disabled() != null && ObservatoirePlugin.NAME.matcher(slot.name()).matches()) {
                try {
                    committer.reportDisabled(slot.name(), slot.version(), slot.disabled());
                } catch (RuntimeException e) {
                    Health.LOG.log(Level.DEBUG, "The report of disabled plugin " + slot.name() + " could not be stored: " + e, e);
                }
            }
        }
    }

    public synchronized List<PluginStatus> status() {
        List<PluginStatus> statuses = new ArrayList<>();
        slots.values().forEach(slot -> statuses.add(status(slot)));
        return statuses;
    }

    private PluginStatus status(Slot slot) {
        if (slot.disabled() != null) {
            StoredState stored = stored(slot.name());
            return new PluginStatus(slot.name(), slot.version(), slot.kind(), PluginStatus.State.DISABLED, null,
                    stored.lastSuccess(), stored.lastFailure(), slot.disabled(), stored.consecutiveFailures(), stored.lastRecords(), null);
        }
        if (slot.runner() == null) {
            return new PluginStatus(slot.name(), slot.version(), slot.kind(), PluginStatus.State.STARTED, null,
                    null, null, null, 0, 0, null);
        }
        StoredState stored = stored(slot.name());
        PluginStatus.State state = stored.consecutiveFailures() > 0 ? PluginStatus.State.FAILING
                : stored.lastSuccess() != null ? PluginStatus.State.OK : PluginStatus.State.STARTED;
        return new PluginStatus(slot.name(), slot.version(), slot.kind(), state, slot.runner().interval(), stored.lastSuccess(),
                stored.lastFailure(), stored.lastProblem(), stored.consecutiveFailures(), stored.lastRecords(),
                slot.runner().nextPull());
    }

    private StoredState stored(String name) {
        try {
            return committer.state(name);
        } catch (RuntimeException e) {
            return StoredState.NONE;
        }
    }

    /**
     * Pulls {@code name} now, on the calling thread, after any pull of it in progress.
     *
     * @return its status after the pull; a disabled plugin is not pulled and says why
     * @throws IllegalArgumentException if no enabled plugin has that name, or it is a push plugin
     */
    public PluginStatus pullNow(String name, PullProgress progress) {
        Slot slot;
        synchronized (this) {
            slot = slots.get(name);
        }
        if (slot == null) {
            throw new IllegalArgumentException("no plugin named '" + name + "' is enabled (" + PluginSettings.ENABLED + ": "
                    + (slots.isEmpty() ? "none" : String.join(",", slots.keySet())) + ")");
        }
        if (slot.disabled() == null && slot.runner() == null) {
            throw new IllegalArgumentException("plugin " + name + " is a push plugin: it records as things happen, there is nothing to pull");
        }
        if (slot.runner() != null) {
            slot.runner().pull(progress);
        }
        return status(slot);
    }

    /** Stops the schedules (each waiting at most {@code timeout} for a pull in progress), then the plugins. */
    public synchronized void close(Duration timeout) {
        if (disabledReporter != null) {
            disabledReporter.shutdownNow();
        }
        slots.values().stream().filter(slot -> slot.runner() != null).forEach(slot -> slot.runner().stop(timeout));
        for (Slot slot : slots.values()) {
            if (slot.disabled() == null) {
                try {
                    slot.plugin().stop();
                } catch (Throwable e) {
                    Health.LOG.log(Level.WARNING, "Plugin " + slot.name() + " failed to stop: " + e, e);
                }
            }
        }
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        slots.values().forEach(slot -> parts.add(slot.name() + (slot.disabled() != null ? " (disabled)"
                : slot.runner() != null ? " (pull every " + slot.runner().interval() + ")" : " (push)")));
        return String.join(", ", parts);
    }
}
