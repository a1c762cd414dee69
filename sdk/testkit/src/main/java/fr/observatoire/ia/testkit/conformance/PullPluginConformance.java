package fr.observatoire.ia.testkit.conformance;

import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The conformance suite of a {@link PullPlugin}: extend it in your plugin's tests, give it your plugin, its
 * configuration and a {@link SourceFixture} serving data with personal data in it, and run your tests. Each test
 * checks one rule of the SPI, as the SDK relies on it:
 *
 * <ul>
 *   <li><b>identity</b>: {@code name()} matches the naming rule, {@code version()} is set, the SPI major matches,
 *       and the {@link java.util.ServiceLoader} finds the plugin;</li>
 *   <li><b>configuration</b>: each {@link #invalidSettings() invalid setting} makes {@code start()} throw a
 *       {@link PluginException} that names it; {@code stop()} returns promptly without throwing;</li>
 *   <li><b>the cursor</b>: a healthy source gives counts and a cursor; a new instance started after a restart and
 *       given the saved cursor counts only the new records, and two pulls add up to one; pulling again with no new
 *       data counts nothing; a cursor that moved without new data loses nothing;</li>
 *   <li><b>determinism</b>: the same data and cursor give the same batch;</li>
 *   <li><b>isolation</b>: for each {@link SourceFailure}, the pull throws a {@link PluginException} and nothing
 *       else (never a partial batch, never another exception, never a hang), saying whether it is transient, and
 *       the next pull from the last good cursor recovers; a pull records nothing through the context's
 *       observatory (the batch is committed with its cursor, or not at all);</li>
 *   <li><b>privacy</b>: none of {@link #forbiddenStrings()}, nor anything shaped like an e-mail, an IP address or
 *       a phone number, in what a batch carries to the SDK (activity, incidents, usages, losses, cursor) nor in the
 *       messages of failures. Agent ids are the exception: the SPI hands them to the SDK, which pseudonymises them
 *       on arrival and only ever sends a band.</li>
 * </ul>
 *
 * A test instance is created per test (JUnit's default): {@link #source()} is called once at the start of each
 * test that needs a source, then {@link #configuration()}, which may therefore use the fixture (its URL, its files).
 */
public abstract class PullPluginConformance {
    private SourceFixture fixture;
    private PullHarness harness;
    private PersonalDataScanner scanner;

    /** A new, unstarted instance of the plugin, as the ServiceLoader would make it. */
    protected abstract PullPlugin newPlugin();

    /** The fixture of this test's source. Called once per test, before {@link #configuration()}. */
    protected abstract SourceFixture source();

    /** A valid configuration reading the fixture: keys without the {@code observatoire.plugins.<name>.} prefix. */
    protected abstract Map<String, String> configuration();

    /**
     * The personal data the fixture's source contains and that must never leave the plugin: names, logins,
     * e-mails, ticket titles and texts, document names. The more, the better the check.
     */
    protected abstract Set<String> forbiddenStrings();

    /** Configuration mistakes {@code start()} must refuse naming the setting: at least each required setting left out. */
    protected abstract List<InvalidSetting> invalidSettings();

    /** The clock plugins are given. Override with a fixed clock if your plugin's window or cursor depends on time. */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    /** How long a pull may take before the test fails; keep your configuration's timeouts well below it. */
    protected Duration pullTimeout() {
        return Duration.ofSeconds(30);
    }

    @AfterEach
    public final void closeConformanceHarness() throws Exception {
        try {
            if (harness != null) {
                harness.close();
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    // ---- Identity and configuration

    @Test
    public final void nameAndVersionIdentifyThePlugin() {
        PluginContracts.assertIdentity(newPlugin());
    }

    @Test
    public final void theServiceLoaderFindsThePlugin() {
        PluginContracts.assertRegistered(newPlugin(), PullPlugin.class);
    }

    @Test
    public final void startRefusesEachInvalidSettingNamingItsKey() {
        List<InvalidSetting> mistakes = invalidSettings();
        Assumptions.assumeFalse(mistakes.isEmpty(), "invalidSettings() lists no configuration mistake to check");
        PullHarness h = harness();
        PluginContracts.assertRefusesInvalidSettings(mistakes, this::newPlugin, values -> h.context(newPlugin().name(), values),
                configuration(), scanner, h.timed());
    }

    @Test
    public final void stopReturnsPromptlyWithoutThrowing() {
        PullHarness h = harness();
        PullPlugin plugin = h.started();
        h.pulled(plugin, Optional.empty(), "the first pull");
        h.stop(plugin);
    }

    // ---- The cursor

    @Test
    public final void aHealthySourceGivesCountsAndACursor() {
        PullHarness h = harness();
        BatchView first = h.pulled(h.started(), Optional.empty(), "the first pull");

        assertThat(first.countsSomething()).as("the first pull of the fixture's healthy data counts something (activity, "
                + "incidents, agents or usages); check the fixture and configuration(): %s", first).isTrue();
        assertThat(first.records()).as("records(): how many source records the pull read, reported in provenance").isPositive();
        assertThat(first.cursor()).as("the cursor after reading records: without it the next pull would count them again")
                .isNotBlank();
    }

    @Test
    public final void aPullResumedAfterARestartCountsOnlyTheNewRecords() {
        PullHarness h = harness();
        PullPlugin before = h.started();
        BatchView first = h.pulled(before, Optional.empty(), "the first pull");
        h.stop(before);
        fixture.addMoreRecords();

        BatchView resumed = h.pulledByNewInstance(PullHarness.cursorOf(first), "the pull of a new instance from the saved cursor");
        BatchView once = h.pulledByNewInstance(Optional.empty(), "one pull of everything by a new instance");

        assertThat(resumed.countsSomething()).as("the resumed pull counts the records added since the first pull: %s", resumed).isTrue();
        assertSameCounts(first.plus(resumed).withoutCursor(), once.withoutCursor(),
                "two pulls across a restart must add up to one pull of the same data (nothing counted twice, nothing lost)");
    }

    @Test
    public final void pullingAgainWithoutNewDataCountsNothing() {
        PullHarness h = harness();
        PullPlugin plugin = h.started();
        BatchView first = h.pulled(plugin, Optional.empty(), "the first pull");
        BatchView second = h.pulled(plugin, PullHarness.cursorOf(first), "a second pull with no new data");
        BatchView third = h.pulled(plugin, PullHarness.cursorAfter(first, second), "a third pull with no new data");

        assertThat(second.countsNothing()).as("a pull with no new data counts nothing: %s", second).isTrue();
        assertThat(third.countsNothing()).as("a pull from the cursor the second pull left counts nothing: %s", third).isTrue();
    }

    @Test
    public final void aCursorThatMovedWithoutNewDataLosesNothing() {
        PullHarness h = harness();
        PullPlugin plugin = h.started();
        BatchView first = h.pulled(plugin, Optional.empty(), "the first pull");
        BatchView idle = h.pulled(plugin, PullHarness.cursorOf(first), "a pull with no new data");
        h.stop(plugin);
        fixture.addMoreRecords();

        BatchView fromMoved = h.pulledByNewInstance(PullHarness.cursorAfter(first, idle), "a pull from the cursor the idle pull left");
        BatchView fromFirst = h.pulledByNewInstance(PullHarness.cursorOf(first), "a pull from the first pull's cursor");

        assertThat(fromFirst.countsSomething()).as("the records added are counted: %s", fromFirst).isTrue();
        assertSameCounts(fromMoved.withoutCursor(), fromFirst.withoutCursor(),
                "keeping or moving the cursor when nothing is new must not skip the records that come next");
    }

    // ---- Determinism

    @Test
    public final void theSameDataAndCursorGiveTheSameBatch() {
        PullHarness h = harness();
        BatchView first = h.pulledByNewInstance(Optional.empty(), "a first pull");
        BatchView again = h.pulledByNewInstance(Optional.empty(), "the same pull by another instance");
        assertSameCounts(again, first, "the same data pulled from the same (empty) cursor");

        fixture.addMoreRecords();
        BatchView next = h.pulledByNewInstance(PullHarness.cursorOf(first), "a pull of the new records");
        BatchView nextAgain = h.pulledByNewInstance(PullHarness.cursorOf(first), "the same pull by another instance");
        assertSameCounts(nextAgain, next, "the same data pulled from the same cursor");
    }

    // ---- Isolation

    @ParameterizedTest(name = "{0}")
    @EnumSource(SourceFailure.class)
    public final void aFailingSourceGivesOnlyAPluginExceptionAndTheNextPullRecovers(SourceFailure failure) {
        FailedPull failed = failingPull(failure);
        Timed.Result<PullBatch> result = failed.result();
        if (result.threw() && !(result.thrown() instanceof PluginException)) {
            throw new AssertionError("pull() threw " + result.thrown() + " while the source was " + failure
                    + "; only a PluginException may leave a pull (the SDK isolates plugins by it)", result.thrown());
        }
        if (!result.threw()) {
            BatchView returned = result.value() == null ? null : BatchView.of(result.value());
            boolean lossesReported = returned != null && !returned.losses().isEmpty();
            if (!(failure == SourceFailure.GARBAGE && lossesReported)) {
                fail("pull() returned " + returned + " while the source was " + failure + "; a pull that cannot read its"
                        + " source must throw a PluginException, so that nothing of it is committed and the cursor stays"
                        + (failure == SourceFailure.GARBAGE ? " (or, for unreadable records, count them as losses)" : ""));
            }
        } else {
            assertThat(result.thrown().getMessage()).as("the PluginException's message, which a DSI reads").isNotBlank();
        }

        fixture.recover();
        BatchView recovered = failed.harness().pulled(failed.plugin(), failed.cursor(),
                "the pull of the same instance from the last good cursor, once the source recovered");
        BatchView reference = failed.harness().pulledByNewInstance(failed.cursor(), "a pull by a new instance from that cursor");
        assertThat(recovered.countsSomething()).as("after recovery, the records added before the failure are counted: %s", recovered)
                .isTrue();
        assertSameCounts(recovered.withoutCursor(), reference.withoutCursor(),
                "after a failure the plugin counts what a fresh instance counts from the same cursor");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SourceFailure.class, names = {"DOWN", "UNAUTHORIZED", "SERVER_ERROR", "TIMEOUT"})
    public final void aFailureSaysWhetherItIsTransient(SourceFailure failure) {
        Timed.Result<PullBatch> result = failingPull(failure).result();
        Assumptions.assumeTrue(result.thrown() instanceof PluginException,
                "the pull did not throw a PluginException: aFailingSourceGivesOnlyAPluginExceptionAndTheNextPullRecovers reports it");
        boolean expected = failure.transientExpected().orElseThrow();
        assertThat(((PluginException) result.thrown()).isTransient())
                .as(expected ? failure + " is expected to go away by itself: PluginException.transientFailure(...)"
                        : failure + " needs a person to act: the PluginException must not be transient")
                .isEqualTo(expected);
    }

    @Test
    public final void aPullRecordsNothingThroughTheContextObservatory() {
        PullHarness h = harness();
        PullPlugin plugin = h.started();
        BatchView first = h.pulled(plugin, Optional.empty(), "the first pull");
        fixture.addMoreRecords();
        h.pulled(plugin, PullHarness.cursorOf(first), "a second pull");

        assertThat(h.observatory().calls()).as("a pull plugin returns its counts in the batch, committed with its cursor;"
                + " recording them through context.observatory() would count them again after a failed pull").isEmpty();
    }

    // ---- Privacy

    @Test
    public final void nothingPersonalLeavesInABatch() {
        PullHarness h = harness();
        PullPlugin plugin = h.started();
        BatchView first = h.pulled(plugin, Optional.empty(), "the first pull");
        fixture.addMoreRecords();
        BatchView second = h.pulled(plugin, PullHarness.cursorOf(first), "the pull of the new records");

        scanner.assertClean("the first batch", first.leavingText());
        scanner.assertClean("the second batch", second.leavingText());
        scanner.assertClean("the plugin's toString()", String.valueOf(plugin));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SourceFailure.class)
    public final void nothingPersonalInAFailureMessage(SourceFailure failure) {
        Timed.Result<PullBatch> result = failingPull(failure).result();
        if (result.threw()) {
            scanner.assertClean("the failure of the pull while the source was " + failure + " (messages of the exception and its causes)",
                    String.join("\n", PluginContracts.messages(result.thrown())));
        } else if (result.value() != null) {
            scanner.assertClean("the batch returned while the source was " + failure, BatchView.of(result.value()).leavingText());
        }
    }

    // ---- Helpers

    /** A first pull on the healthy source, then records added and the source failing, then the pull under test. */
    private record FailedPull(PullHarness harness, PullPlugin plugin, Optional<String> cursor, Timed.Result<PullBatch> result) {
    }

    private FailedPull failingPull(SourceFailure failure) {
        PullHarness h = harness();
        Assumptions.assumeTrue(fixture.failureModes().contains(failure), "the source fixture cannot simulate " + failure);
        PullPlugin plugin = h.started();
        Optional<String> cursor = PullHarness.cursorOf(h.pulled(plugin, Optional.empty(), "the first pull"));
        fixture.addMoreRecords();
        fixture.fail(failure);
        return new FailedPull(h, plugin, cursor, h.pull(plugin, cursor, "the pull while the source is " + failure));
    }

    private PullHarness harness() {
        if (harness == null) {
            fixture = source();
            fixture.serveHealthyData();
            Map<String, String> settings = configuration();
            Set<String> forbidden = new HashSet<>(forbiddenStrings());
            forbidden.addAll(fixture.personalData());
            scanner = PluginContracts.scanner(forbidden, settings);
            harness = new PullHarness(this::newPlugin, settings, clock(), pullTimeout());
        }
        return harness;
    }

    private static void assertSameCounts(BatchView actual, BatchView expected, String rule) {
        List<String> differences = actual.differencesFrom(expected);
        if (!differences.isEmpty()) {
            fail(rule + ":\n  " + String.join("\n  ", differences));
        }
    }
}
