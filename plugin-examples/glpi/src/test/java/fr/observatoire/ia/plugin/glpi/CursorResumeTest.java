package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import fr.observatoire.ia.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cursor on worked examples, for both APIs: a restart repeats nothing and loses nothing, tickets opened in
 * the second a pull ran go to the next pull, and the same data read from the same cursor gives the same batch.
 */
class CursorResumeTest {
    private static final String CITY = "Entité racine > Ville de Grasse";
    private static final String URBANISM = "Entité racine > Ville de Grasse > Urbanisme";
    private static FakeGlpi glpi;

    @BeforeAll
    static void startGlpi() {
        glpi = new FakeGlpi();
    }

    @AfterAll
    static void stopGlpi() {
        glpi.close();
    }

    @BeforeEach
    void reset() {
        glpi.reset();
    }

    enum Api { LEGACY, V2 }

    private static Map<String, String> config(Api api) {
        return api == Api.LEGACY ? glpi.legacyConfig() : glpi.v2Config();
    }

    private static LocalDateTime at(String localTime) {
        return LocalDateTime.parse(localTime);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void resumesWithoutRepeatingOrLosingTicketsTiesIncluded(Api api) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-07T09:00:00Z")); // 10:00 in Paris
        GlpiPlugin plugin = Plugins.started(config(api), clock);
        glpi.add(FakeTicket.of(3001, 42, at("2025-01-06T12:00:00"), 3, CITY),
                FakeTicket.of(3002, 42, at("2025-01-07T09:59:59"), 3, CITY));

        PullBatch first = plugin.pull(Optional.empty(), PullProgress.NONE);

        assertThat(first.cursor()).isEqualTo("v1;opened-before=2025-01-07T10:00:00");
        assertThat(first.incidents()).isEqualTo(Map.of(incident(IncidentCategory.FACTUAL_ERROR, Severity.S1), 2L));

        // Created after the first pull: two in the very second it ran (10:00:00.4, say), one later.
        glpi.add(FakeTicket.of(3003, 42, at("2025-01-07T10:00:00"), 5, CITY),
                FakeTicket.of(3004, 43, at("2025-01-07T10:00:00"), 6, CITY),
                FakeTicket.of(3005, 57, at("2025-01-07T15:00:00"), 3, URBANISM));
        clock.set(Instant.parse("2025-01-07T16:00:00Z"));

        PullBatch second = plugin.pull(Optional.of(first.cursor()), PullProgress.NONE);

        assertThat(second.cursor()).isEqualTo("v1;opened-before=2025-01-07T17:00:00");
        assertThat(second.incidents()).isEqualTo(Map.of(
                incident(IncidentCategory.FACTUAL_ERROR, Severity.S3), 1L,
                incident(IncidentCategory.PERSONAL_DATA_DISCLOSURE, Severity.S4), 1L));
        assertThat(second.activity()).isEqualTo(Map.of(
                new PullBatch.ActivityKey("redaction-courriers", Service.URBAN_PLANNING, ActionKind.USAGE_REQUEST), 1L));
        assertThat(first.records() + second.records()).isEqualTo(5);
    }

    /** A crash between pull and commit: the SDK keeps the old cursor, and the repeated pull is the same pull. */
    @ParameterizedTest
    @EnumSource(Api.class)
    void theSameCursorOnTheSameDataGivesTheSameBatch(Api api) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-07T16:00:00Z"));
        glpi.add(BadInputTest.tickets());

        PullBatch once = Plugins.started(config(api), clock).pull(Optional.of("v1;opened-before=2025-01-07T00:00:00"), PullProgress.NONE);
        PullBatch again = Plugins.started(config(api), clock).pull(Optional.of("v1;opened-before=2025-01-07T00:00:00"), PullProgress.NONE);

        assertThat(again).isEqualTo(once);
        assertThat(once.records()).isEqualTo(4); // 2001 is before the cursor, 2006 and 2007 after the window (17:00 local)
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void withoutSinceTheFirstPullCountsNothingAndPlacesTheCursor(Api api) throws Exception {
        Map<String, String> config = config(api);
        config.remove("since");
        glpi.add(BadInputTest.tickets());

        PullBatch batch = Plugins.started(config, new MutableClock(Fixtures.NOW)).pull(Optional.empty(), PullProgress.NONE);

        assertThat(batch.incidents()).isEmpty();
        assertThat(batch.activity()).isEmpty();
        assertThat(batch.cursor()).isEqualTo(Fixtures.CURSOR_AT_NOW);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void theSettleDelayHoldsRecentTicketsBackUntilTheNextPull(Api api) throws Exception {
        Map<String, String> config = config(api);
        config.put("settle-delay", "PT1H");
        MutableClock clock = new MutableClock(Instant.parse("2025-01-07T09:00:00Z")); // 10:00 local
        GlpiPlugin plugin = Plugins.started(config, clock);
        glpi.add(FakeTicket.of(4001, 42, at("2025-01-07T08:30:00"), 3, CITY),
                FakeTicket.of(4002, 42, at("2025-01-07T09:30:00"), 3, CITY));

        PullBatch first = plugin.pull(Optional.of("v1;opened-before=2025-01-07T00:00:00"), PullProgress.NONE);
        clock.advance(Duration.ofHours(1));
        PullBatch second = plugin.pull(Optional.of(first.cursor()), PullProgress.NONE);

        assertThat(first.cursor()).isEqualTo("v1;opened-before=2025-01-07T09:00:00");
        assertThat(first.records()).isEqualTo(1);
        assertThat(second.records()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aClockThatWentBackKeepsTheCursor(Api api) throws Exception {
        glpi.add(BadInputTest.tickets());
        GlpiPlugin plugin = Plugins.started(config(api), new MutableClock(Instant.parse("2025-01-07T06:00:00Z")));

        PullBatch batch = plugin.pull(Optional.of("v1;opened-before=2025-01-07T12:00:00"), PullProgress.NONE);

        assertThat(batch.records()).isZero();
        assertThat(batch.cursor()).isEqualTo("v1;opened-before=2025-01-07T12:00:00");
    }

    /**
     * The documented limit of a cursor on opening dates: a ticket whose opening date is set, after the fact,
     * before a window already counted is not counted (see README, "Cursor").
     */
    @ParameterizedTest
    @EnumSource(Api.class)
    void aTicketBackdatedIntoACountedWindowIsNotCounted(Api api) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-07T09:00:00Z"));
        GlpiPlugin plugin = Plugins.started(config(api), clock);
        PullBatch first = plugin.pull(Optional.of("v1;opened-before=2025-01-07T00:00:00"), PullProgress.NONE);
        glpi.add(FakeTicket.of(5001, 42, at("2025-01-07T08:00:00"), 3, CITY));
        clock.advance(Duration.ofHours(1));

        PullBatch second = plugin.pull(Optional.of(first.cursor()), PullProgress.NONE);

        assertThat(first.records() + second.records()).isZero();
    }

    private static PullBatch.IncidentKey incident(IncidentCategory category, Severity severity) {
        return new PullBatch.IncidentKey(category, severity, null);
    }
}
