package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import fr.observatoire.ia.testkit.MutableClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cursor against a GLPI where tickets keep arriving, many in the very second a pull runs: whatever the
 * arrivals and the pull times, each pull counts exactly the tickets opened in its window, so that over all pulls
 * every ticket is counted once.
 */
class CursorPropertyTest {
    /** 09:00 in Paris. */
    private static final Instant BASE = Instant.parse("2025-01-07T08:00:00Z");
    private static final LocalDateTime SINCE = LocalDateTime.parse("2025-01-07T00:00:00");
    private static final String[] ENTITIES = {"Entité racine > Ville de Grasse", "Entité racine > Ville de Grasse > Urbanisme",
            "Entité racine > Ville de Grasse > Urbanisme > Droit des sols", "Entité racine > Ville de Grasse > État civil"};

    private static FakeGlpi glpi;

    @BeforeContainer
    static void startGlpi() {
        glpi = new FakeGlpi();
    }

    @AfterContainer
    static void stopGlpi() {
        glpi.close();
    }

    enum Api { LEGACY, V2 }

    /** A ticket created {@code createdAfterMillis} after BASE; GLPI records its opening date to the second. */
    record Arrival(long createdAfterMillis, int category, int priority, int entity) {
    }

    record History(List<Long> pullsAfterMillis, List<Arrival> arrivals) {
    }

    @Property(tries = 60)
    void eachPullCountsExactlyItsWindowSoEveryTicketOnce(@ForAll("histories") History history, @ForAll Api api) throws Exception {
        glpi.reset();
        Map<String, String> config = api == Api.LEGACY ? glpi.legacyConfig() : glpi.v2Config();
        config.put("since", SINCE.toString());
        MutableClock clock = new MutableClock(BASE);
        GlpiPlugin plugin = Plugins.started(config, clock);
        List<FakeTicket> all = tickets(history.arrivals());

        Optional<String> cursor = Optional.empty();
        LocalDateTime from = SINCE;
        long counted = 0;
        for (long pullAfter : history.pullsAfterMillis()) {
            Instant now = BASE.plusMillis(pullAfter);
            clock.set(now);
            glpi.replaceTickets(all.stream().filter(t -> createdAt(t, history).compareTo(now) <= 0).toList());

            PullBatch batch = plugin.pull(cursor, PullProgress.NONE);

            LocalDateTime to = LocalDateTime.ofInstant(now, FakeGlpi.GLPI_ZONE).truncatedTo(ChronoUnit.SECONDS);
            LocalDateTime windowFrom = from;
            List<FakeTicket> expected = all.stream().filter(t -> !t.opened().isBefore(windowFrom) && t.opened().isBefore(to)).toList();
            assertThat(batch.incidents()).isEqualTo(expectedIncidents(expected));
            assertThat(batch.activity()).isEqualTo(expectedActivity(expected));
            assertThat(batch.records()).isEqualTo(expected.size());
            assertThat(batch.cursor()).isEqualTo(new OpeningCursor(to).encode());
            cursor = Optional.of(batch.cursor());
            from = to;
            counted += batch.records();
        }
        LocalDateTime end = from;
        assertThat(counted).isEqualTo(all.stream().filter(t -> t.opened().isBefore(end)).count());
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<List<Long>> pulls = Arbitraries.longs().between(1_000, 3_600_000).list().ofMinSize(1).ofMaxSize(5)
                .uniqueElements().map(list -> list.stream().sorted().toList());
        return pulls.flatMap(pullTimes -> {
            // Half the tickets arrive within 1.5 s of a pull, so that ties with a window's end are frequent.
            Arbitrary<Long> nearAPull = Arbitraries.of(pullTimes).flatMap(p -> Arbitraries.longs().between(-1_500, 1_500).map(d -> p + d));
            Arbitrary<Long> anytime = Arbitraries.longs().between(0, 3_700_000);
            Arbitrary<Long> createdAfter = Arbitraries.oneOf(nearAPull, anytime).filter(t -> t >= 0);
            Arbitrary<Arrival> arrival = Combinators.combine(createdAfter, Arbitraries.of(42, 43, 57),
                    Arbitraries.integers().between(1, 6), Arbitraries.integers().between(0, ENTITIES.length - 1)).as(Arrival::new);
            return arrival.list().ofMaxSize(30).map(arrivals -> new History(pullTimes, arrivals));
        });
    }

    /** Ids grow with creation time, as GLPI's auto-increment does. */
    private static List<FakeTicket> tickets(List<Arrival> arrivals) {
        List<Arrival> sorted = arrivals.stream().sorted(Comparator.comparingLong(Arrival::createdAfterMillis)).toList();
        List<FakeTicket> tickets = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Arrival a = sorted.get(i);
            LocalDateTime opened = LocalDateTime.ofInstant(BASE.plusMillis(a.createdAfterMillis()), FakeGlpi.GLPI_ZONE)
                    .truncatedTo(ChronoUnit.SECONDS);
            tickets.add(FakeTicket.of(10_000 + i, a.category(), opened, a.priority(), ENTITIES[a.entity()]));
        }
        return tickets;
    }

    private static Instant createdAt(FakeTicket ticket, History history) {
        List<Arrival> sorted = history.arrivals().stream().sorted(Comparator.comparingLong(Arrival::createdAfterMillis)).toList();
        return BASE.plusMillis(sorted.get((int) (ticket.id() - 10_000)).createdAfterMillis());
    }

    /** An independent statement of the mapping: categories of FakeGlpi's configuration, default severity levels. */
    private static Map<PullBatch.IncidentKey, Long> expectedIncidents(List<FakeTicket> tickets) {
        Severity[] byPriority = {null, Severity.S0, Severity.S0, Severity.S1, Severity.S2, Severity.S3, Severity.S4};
        Map<PullBatch.IncidentKey, Long> counts = new HashMap<>();
        for (FakeTicket t : tickets) {
            IncidentCategory category = t.category() == 42 ? IncidentCategory.FACTUAL_ERROR
                    : t.category() == 43 ? IncidentCategory.PERSONAL_DATA_DISCLOSURE : null;
            if (category != null) {
                counts.merge(new PullBatch.IncidentKey(category, byPriority[t.priority()], null), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<PullBatch.ActivityKey, Long> expectedActivity(List<FakeTicket> tickets) {
        Map<PullBatch.ActivityKey, Long> counts = new HashMap<>();
        for (FakeTicket t : tickets) {
            if (t.category() == 57) {
                Service service = t.entity().contains("Urbanisme") ? Service.URBAN_PLANNING
                        : t.entity().contains("État civil") ? Service.CIVIL_REGISTRY : Service.TRANSVERSAL;
                counts.merge(new PullBatch.ActivityKey("redaction-courriers", service, ActionKind.USAGE_REQUEST), 1L, Long::sum);
            }
        }
        return counts;
    }
}
