package fr.observatoire.ia.testkit.conformance;

import fr.observatoire.ia.spi.ObservatoirePlugin;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.testkit.TestPluginContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The checks both suites make: identity, registration, configuration errors, and the privacy scanner they share. */
final class PluginContracts {
    /** Settings whose values are secrets: they must never appear in a message either. */
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|passwd|secret|token|ticket|credential|api[-_.]?key|private[-_.]?key).*");
    static final Duration START_STOP_LIMIT = Duration.ofSeconds(10);

    private PluginContracts() {
    }

    static void assertIdentity(ObservatoirePlugin plugin) {
        assertThat(plugin.name()).as("name() is the configuration namespace: it must match " + ObservatoirePlugin.NAME.pattern())
                .isNotNull().matches(ObservatoirePlugin.NAME);
        assertThat(plugin.version()).as("version() is reported in every declaration's provenance")
                .isNotBlank().doesNotContain("${").isNotEqualToIgnoringCase("unknown");
        assertThat(plugin.spiVersion()).as("spiVersion(): a plugin built against another major SPI version is refused").isNotNull();
        assertThat(major(plugin.spiVersion())).as("the major of spiVersion() '%s'", plugin.spiVersion())
                .isEqualTo(major(ObservatoirePlugin.SPI_VERSION));
    }

    /** Found by {@link ServiceLoader} as the SDK looks plugins up, of the right kind, under the same name. */
    static void assertRegistered(ObservatoirePlugin plugin, Class<? extends ObservatoirePlugin> kind) {
        Class<?> type = plugin.getClass();
        String services = "META-INF/services/" + ObservatoirePlugin.class.getName();
        List<ServiceLoader.Provider<ObservatoirePlugin>> providers;
        try {
            providers = ServiceLoader.load(ObservatoirePlugin.class, type.getClassLoader()).stream()
                    .filter(p -> p.type() == type).toList();
        } catch (ServiceConfigurationError e) {
            throw new AssertionError(services + " lists a class the ServiceLoader cannot load: " + e.getMessage(), e);
        }
        if (providers.isEmpty()) {
            fail(type.getName() + " is not listed in " + services + " (one fully qualified class name a line)");
        }
        ObservatoirePlugin loaded;
        try {
            loaded = providers.get(0).get();
        } catch (ServiceConfigurationError e) {
            throw new AssertionError("the ServiceLoader cannot instantiate " + type.getName()
                    + ": a plugin needs a public no-argument constructor (" + e.getMessage() + ")", e);
        }
        assertThat(loaded).as("the plugin the ServiceLoader finds").isInstanceOf(kind);
        assertThat(loaded.name()).as("the name of the plugin the ServiceLoader finds").isEqualTo(plugin.name());
    }

    /** Each mistake makes start() throw a PluginException that names the setting and carries nothing personal. */
    static <P extends ObservatoirePlugin> void assertRefusesInvalidSettings(List<InvalidSetting> mistakes, Supplier<P> factory,
                                                                            Function<Map<String, String>, TestPluginContext> contexts,
                                                                            Map<String, String> valid, PersonalDataScanner scanner, Timed timed) {
        List<String> problems = new ArrayList<>();
        for (InvalidSetting mistake : mistakes) {
            P plugin = factory.get();
            TestPluginContext context = contexts.apply(mistake.applyTo(valid));
            Timed.Result<Object> result = timed.run("start() with " + mistake, START_STOP_LIMIT, () -> {
                plugin.start(context);
                return null;
            });
            if (!result.threw()) {
                problems.add(mistake + ": start() accepted it; a configuration mistake must be refused at start with a PluginException");
                stopQuietly(plugin, timed);
            } else if (!(result.thrown() instanceof PluginException refusal)) {
                problems.add(mistake + ": start() threw " + result.thrown() + " instead of a PluginException");
            } else if (refusal.getMessage() == null || !refusal.getMessage().contains(mistake.key())) {
                problems.add(mistake + ": the message does not name the setting '" + context.fullKey(mistake.key()) + "': " + refusal.getMessage());
            } else {
                // A configuration error may quote the configuration (a subnet line, a contact address): only the
                // source's personal data and the secrets are looked for.
                scanner.stringsOnly().findings(String.join("\n", messages(refusal)))
                        .forEach(finding -> problems.add(mistake + ": the message contains " + finding));
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** stop() must return promptly and not throw. */
    static void assertStops(ObservatoirePlugin plugin, Timed timed) {
        Timed.Result<Object> stopped = timed.run("stop()", START_STOP_LIMIT, () -> {
            plugin.stop();
            return null;
        });
        if (stopped.threw()) {
            throw new AssertionError("stop() must not throw, it threw " + stopped.thrown(), stopped.thrown());
        }
    }

    static void stopQuietly(ObservatoirePlugin plugin, Timed timed) {
        try {
            timed.run("stop()", START_STOP_LIMIT, () -> {
                plugin.stop();
                return null;
            });
        } catch (AssertionError e) {
            // Cleanup only: the test that checks stop() reports it.
        }
    }

    /**
     * The scanner for a plugin: the fixture's personal data and the values of secret settings are forbidden; the
     * source's own address (host, host:port, the configured URL) is tolerated, since naming it is what makes an
     * error message actionable.
     */
    static PersonalDataScanner scanner(Set<String> forbidden, Map<String, String> settings) {
        Set<String> strings = new HashSet<>(forbidden);
        Set<String> tolerated = new HashSet<>();
        settings.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (SECRET_KEY.matcher(key).matches() && value.length() >= 4) {
                strings.add(value);
            }
            addressOf(value, tolerated);
        });
        return PersonalDataScanner.of(strings).tolerating(tolerated);
    }

    /** The messages of a throwable, its causes and suppressed ones: everything a log line of it would show. */
    static List<String> messages(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(thrown, messages, seen);
        return messages;
    }

    private static void collect(Throwable thrown, List<String> messages, Set<Throwable> seen) {
        if (thrown == null || !seen.add(thrown)) {
            return;
        }
        messages.add(thrown.toString());
        for (Throwable suppressed : thrown.getSuppressed()) {
            collect(suppressed, messages, seen);
        }
        collect(thrown.getCause(), messages, seen);
    }

    private static void addressOf(String value, Set<String> tolerated) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getHost() != null) {
                tolerated.add(value.strip());
                tolerated.add(uri.getHost());
                if (uri.getPort() >= 0) {
                    tolerated.add(uri.getHost() + ":" + uri.getPort());
                }
            }
        } catch (URISyntaxException e) {
            // not a URL
        }
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return (dot < 0 ? version : version.substring(0, dot)).trim();
    }
}
