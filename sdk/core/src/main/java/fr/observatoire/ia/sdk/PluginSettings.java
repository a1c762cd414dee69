package fr.observatoire.ia.sdk;

import fr.observatoire.ia.spi.ObservatoirePlugin;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which plugins the SDK runs and their configuration: {@value #ENABLED} lists the names, each plugin reads its
 * keys under {@code observatoire.plugins.<name>.} and the SDK reads {@code observatoire.plugins.<name>.interval}.
 * Plugins are found with {@link java.util.ServiceLoader} in {@link #classLoader()}.
 *
 * <p>None is enabled by default: an application that embeds the SDK runs its own code, not the proxy-log or
 * helpdesk connectors it happens to have on its classpath. The standalone agent enables them in its file.
 *
 * <pre>{@code
 * PluginSettings.fromConfig(ConfigProvider.getConfig());           // observatoire.plugins.* keys
 * PluginSettings.builder().enable("squid")
 *         .property("observatoire.plugins.squid.log", "/var/log/squid/access.log").build();
 * }</pre>
 */
public final class PluginSettings {
    public static final String PREFIX = "observatoire.plugins.";
    /** Comma-separated names of the plugins to start, e.g. {@code squid,glpi,cmis}. */
    public static final String ENABLED = "observatoire.plugins.enabled";
    /** Per plugin ({@code observatoire.plugins.<name>.interval}): time between pulls, the plugin's default otherwise. */
    public static final String INTERVAL = "interval";

    private static final PluginSettings NONE = builder().build();

    private final Function<String, Optional<String>> lookup;
    private final ClassLoader classLoader;
    private final List<ObservatoirePlugin> instances;
    private final boolean scheduled;
    private final Function<String, PullProgress> progress;

    private PluginSettings(Builder builder) {
        Map<String, String> overrides = Map.copyOf(builder.properties);
        Function<String, Optional<String>> base = builder.base;
        this.lookup = key -> overrides.containsKey(key) ? Optional.of(overrides.get(key)) : base.apply(key);
        this.classLoader = builder.classLoader;
        this.instances = List.copyOf(builder.instances);
        this.scheduled = builder.scheduled;
        this.progress = builder.progress;
    }

    /** No plugin. */
    public static PluginSettings none() {
        return NONE;
    }

    /** The {@code observatoire.plugins.*} keys of a MicroProfile Config (properties, environment, system properties). */
    public static PluginSettings fromConfig(Config config) {
        return builder().config(config).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The names of {@value #ENABLED}, trimmed and lower-cased, in order, without repeats. */
    public List<String> enabled() {
        List<String> names = new ArrayList<>();
        value(ENABLED).ifPresent(list -> Arrays.stream(list.split("[,\\s]+"))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty() && !names.contains(name))
                .forEach(names::add));
        return List.copyOf(names);
    }

    /** The value of a full key ({@code observatoire.plugins.squid.log}); blank counts as absent. */
    public Optional<String> value(String key) {
        return lookup.apply(key).filter(value -> !value.isBlank());
    }

    /** Where plugins are looked for; null for the SDK's own class loader. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** Plugin instances given by hand, found as if the ServiceLoader had; they win over a discovered plugin of the same name. */
    public List<ObservatoirePlugin> instances() {
        return instances;
    }

    /**
     * Whether pull plugins run on their schedule; false leaves them to {@link ObservatoireSdk#pullNow} (the agent's
     * one-shot commands, tests).
     */
    public boolean scheduled() {
        return scheduled;
    }

    /** The progress listener of a scheduled pull of plugin {@code name}. */
    public PullProgress progress(String name) {
        PullProgress listener = progress.apply(name);
        return listener == null ? PullProgress.NONE : listener;
    }

    public static final class Builder {
        private final Map<String, String> properties = new HashMap<>();
        private Function<String, Optional<String>> base = key -> Optional.empty();
        private ClassLoader classLoader;
        private final List<ObservatoirePlugin> instances = new ArrayList<>();
        private boolean scheduled = true;
        private Function<String, PullProgress> progress = name -> PullProgress.NONE;

        private Builder() {
        }

        /** Reads every key not set with {@link #property} from {@code config}. */
        public Builder config(Config config) {
            Objects.requireNonNull(config, "config");
            this.base = key -> config.getOptionalValue(key, String.class);
            return this;
        }

        /** Sets {@value #ENABLED}. */
        public Builder enable(String... names) {
            return property(ENABLED, String.join(",", names));
        }

        /** Sets a full key, e.g. {@code observatoire.plugins.squid.log}. */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        /** Adds a plugin instance, as if the ServiceLoader had found it; it still has to be enabled. */
        public Builder plugin(ObservatoirePlugin plugin) {
            instances.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        public Builder scheduled(boolean run) {
            this.scheduled = run;
            return this;
        }

        /** A progress listener per plugin name for scheduled pulls (a display, a log line every so often). */
        public Builder progress(Function<String, PullProgress> perPlugin) {
            this.progress = Objects.requireNonNull(perPlugin, "perPlugin");
            return this;
        }

        public PluginSettings build() {
            return new PluginSettings(this);
        }
    }
}
