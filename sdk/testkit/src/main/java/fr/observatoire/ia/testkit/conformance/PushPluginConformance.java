package fr.observatoire.ia.testkit.conformance;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.spi.PushPlugin;
import fr.observatoire.ia.testkit.RecordingObservatory;
import fr.observatoire.ia.testkit.TestPluginContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance suite of a {@link PushPlugin}: a plugin living inside a host application (a servlet filter, a
 * CDI bean) that records, as things happen, into the observatory it was started with. Extend it, give it the
 * plugin, a configuration and a way to make the host do something the plugin records ({@link #exercise}):
 *
 * <ul>
 *   <li><b>identity</b>: name, version, SPI major, found by the {@link java.util.ServiceLoader} as a push plugin;</li>
 *   <li><b>configuration</b>: each {@link #invalidSettings() invalid setting} makes {@code start()} throw a
 *       {@link fr.observatoire.ia.spi.PluginException} naming it;</li>
 *   <li><b>lifecycle</b>: started with an observatory, the plugin records into it what the host does, and
 *       {@code stop()} returns promptly without throwing; after {@code stop()} nothing reaches that observatory
 *       any more (the SDK has closed it);</li>
 *   <li><b>no harm to the host</b>: an observatory that throws on every call never makes the host fail;</li>
 *   <li><b>privacy</b>: nothing of {@link #forbiddenStrings()}, nor an e-mail, IP address or phone number, in
 *       what is recorded, local agent ids excepted (the SDK pseudonymises them on arrival).</li>
 * </ul>
 */
public abstract class PushPluginConformance {
    private static final Duration EXERCISE_LIMIT = Duration.ofSeconds(30);
    private final Timed timed = new Timed();

    /** A new, unstarted instance of the plugin. */
    protected abstract PushPlugin newPlugin();

    /** A valid configuration: keys without the {@code observatoire.plugins.<name>.} prefix. */
    protected abstract Map<String, String> configuration();

    /** Configuration mistakes {@code start()} must refuse naming the setting. */
    protected abstract List<InvalidSetting> invalidSettings();

    /**
     * Makes the host do what the started plugin records: a request through its filter, a call of an observed bean.
     * Throw (or fail an assertion) when the host is harmed: an error status, an exception where there was none.
     */
    protected abstract void exercise(PushPlugin startedPlugin) throws Exception;

    /** Personal data {@link #exercise} involves (the user of the request, a form's text) that must not be recorded. */
    protected Set<String> forbiddenStrings() {
        return Set.of();
    }

    protected Clock clock() {
        return Clock.systemUTC();
    }

    @AfterEach
    public final void closeConformanceThreads() {
        timed.close();
    }

    @Test
    public final void nameAndVersionIdentifyThePlugin() {
        PluginContracts.assertIdentity(newPlugin());
    }

    @Test
    public final void theServiceLoaderFindsThePlugin() {
        PluginContracts.assertRegistered(newPlugin(), PushPlugin.class);
    }

    @Test
    public final void startRefusesEachInvalidSettingNamingItsKey() {
        List<InvalidSetting> mistakes = invalidSettings();
        Assumptions.assumeFalse(mistakes.isEmpty(), "invalidSettings() lists no configuration mistake to check");
        PluginContracts.assertRefusesInvalidSettings(mistakes, this::newPlugin,
                values -> context(values, new RecordingObservatory()), configuration(), scanner(), timed);
    }

    @Test
    public final void recordsWhatTheHostDoesIntoTheObservatoryItWasStartedWith() {
        RecordingObservatory observatory = new RecordingObservatory();
        PushPlugin plugin = started(observatory);
        try {
            exercised(plugin, "exercise() with the plugin started");
            assertThat(observatory.calls()).as("what the plugin recorded while exercise() ran").isNotEmpty();
        } finally {
            PluginContracts.assertStops(plugin, timed);
        }
    }

    @Test
    public final void afterStopNothingReachesTheOldObservatory() {
        RecordingObservatory observatory = new RecordingObservatory();
        PushPlugin plugin = started(observatory);
        PluginContracts.assertStops(plugin, timed);
        observatory.clear();

        exercised(plugin, "exercise() after stop()");

        assertThat(observatory.calls()).as("after stop() the SDK has closed the observatory the plugin was started with;"
                + " the plugin must not record into it any more").isEmpty();
    }

    @Test
    public final void aFailingObservatoryNeverReachesTheHost() {
        ThrowingObservatory observatory = new ThrowingObservatory();
        PushPlugin plugin = started(observatory);
        try {
            exercised(plugin, "exercise() with an observatory that throws on every call");
        } finally {
            PluginContracts.stopQuietly(plugin, timed);
        }
        assertThat(observatory.calls()).as("the plugin did try to record (else this test proves nothing)").isPositive();
    }

    @Test
    public final void nothingPersonalIsRecorded() {
        RecordingObservatory observatory = new RecordingObservatory();
        PushPlugin plugin = started(observatory);
        try {
            exercised(plugin, "exercise()");
        } finally {
            PluginContracts.stopQuietly(plugin, timed);
        }
        scanner().assertClean("what the plugin recorded (local agent ids aside)", observatory.leavingText());
    }

    private PushPlugin started(Observatory observatory) {
        PushPlugin plugin = newPlugin();
        TestPluginContext context = context(configuration(), observatory);
        Timed.Result<Object> result = timed.run("start()", PluginContracts.START_STOP_LIMIT, () -> {
            plugin.start(context);
            return null;
        });
        if (result.threw()) {
            throw new AssertionError("start() refused the suite's configuration() (it must be valid): " + result.thrown(), result.thrown());
        }
        return plugin;
    }

    private void exercised(PushPlugin plugin, String what) {
        Timed.Result<Object> result = timed.run(what, EXERCISE_LIMIT, () -> {
            exercise(plugin);
            return null;
        });
        if (result.threw()) {
            throw new AssertionError(what + " failed: the host was harmed (" + result.thrown() + ")", result.thrown());
        }
    }

    private TestPluginContext context(Map<String, String> values, Observatory observatory) {
        return new TestPluginContext(newPlugin().name(), values, observatory, clock());
    }

    private PersonalDataScanner scanner() {
        return PluginContracts.scanner(forbiddenStrings(), configuration());
    }
}
