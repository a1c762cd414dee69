package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the documents, their ties, the page size and when the pulls happen, every document is counted once,
 * under the service of the deepest mapped folder holding it: pulls resumed from their cursors add up to the truth.
 */
class ExactlyOncePropertyTest {
    private static final Instant T0 = Instant.parse("2024-06-10T06:13:20Z");
    private static final List<String> FOLDERS = java.util.Arrays.asList(null, "/Sites/a", "/Sites/a/b", "/Sites/c");

    /**
     * @param docs     documents in arrival order: creation order, documents of one millisecond in any order
     * @param cuts     how many documents have arrived at each pull (non-decreasing, last = all)
     * @param pageSize documents per request
     * @param tiePage  documents per request when reading a tie
     */
    record History(List<FakeRepository.Doc> docs, List<Integer> cuts, int pageSize, int tiePage, long seed) {
        int largestTie() {
            Map<Instant, Integer> sizes = new HashMap<>();
            docs.forEach(d -> sizes.merge(d.createdAt(), 1, Integer::sum));
            return sizes.values().stream().max(Integer::compare).orElse(0);
        }
    }

    @Property(tries = 300)
    void pullsResumedFromTheirCursorsCountEveryDocumentOnce(@ForAll("histories") History history) throws PluginException {
        // Ties in a changing order are handled when one tie page holds the whole tie; larger ties need a stable order.
        boolean shuffleTies = history.largestTie() <= Math.max(history.pageSize(), history.tiePage());
        FakeRepository repository = new FakeRepository(shuffleTies ? history.seed() : null)
                .folder("/Sites/a", "id-a").folder("/Sites/a/b", "id-b").folder("/Sites/c", "id-c");
        TestContext context = TestContext.of(Map.of("url", "http://ged.invalid/cmis", "usage-id", "redaction-assistee",
                "marker.aspect", "P:ia:assisted", "services.CIVIL_REGISTRY", "/Sites/a", "services.URBAN_PLANNING", "/Sites/a/b",
                "services.FINANCE", "/Sites/c", "settle", "PT0S", "page-size", Integer.toString(history.pageSize())));
        DocumentCounter counter = new DocumentCounter(CmisSettings.read(context.config()), repository, repository, context.clock(),
                history.tiePage());

        Map<Service, Long> counted = new EnumMap<>(Service.class);
        long records = 0;
        Optional<String> cursor = Optional.empty();
        int arrived = 0;
        for (int cut : history.cuts()) {
            history.docs().subList(arrived, cut).forEach(repository::add);
            arrived = cut;
            PullBatch batch = counter.pull(cursor, PullProgress.NONE);
            batch.activity().forEach((key, count) -> {
                assertThat(key.usageId()).isEqualTo("redaction-assistee");
                assertThat(key.action()).isEqualTo(ActionKind.DOCUMENT_DRAFTED);
                counted.merge(key.service(), count, Long::sum);
            });
            records += batch.records();
            cursor = Optional.ofNullable(batch.cursor());
        }
        PullBatch again = counter.pull(cursor, PullProgress.NONE);

        assertThat(counted).isEqualTo(expected(history.docs()));
        assertThat(records).isEqualTo(history.docs().size());
        assertThat(again.activity()).isEmpty();
        assertThat(again.cursor()).isEqualTo(cursor.orElse(null));
    }

    private static Map<Service, Long> expected(List<FakeRepository.Doc> docs) {
        Map<Service, Long> expected = new EnumMap<>(Service.class);
        for (FakeRepository.Doc doc : docs) {
            Service service = doc.folder() == null ? Service.TRANSVERSAL
                    : doc.folder().startsWith("/Sites/a/b") ? Service.URBAN_PLANNING
                    : doc.folder().startsWith("/Sites/a") ? Service.CIVIL_REGISTRY : Service.FINANCE;
            expected.merge(service, 1L, Long::sum);
        }
        return expected;
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<FakeRepository.Doc> doc = Combinators.combine(
                Arbitraries.integers().between(0, 12), Arbitraries.of(FOLDERS.toArray(new String[0])), Arbitraries.integers().between(0, 1 << 20))
                .as((second, folder, tiebreak) -> new FakeRepository.Doc(null, T0.plusSeconds(second).plusNanos(tiebreak), folder));
        Arbitrary<List<FakeRepository.Doc>> docs = doc.list().ofMaxSize(40).map(ExactlyOncePropertyTest::inArrivalOrder);
        return Combinators.combine(docs, Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 5),
                        Arbitraries.integers().between(1, 8), Arbitraries.longs())
                .flatAs((list, pulls, pageSize, tiePage, seed) -> Arbitraries.integers().between(0, list.size()).list().ofSize(pulls - 1)
                        .map(cuts -> {
                            List<Integer> sorted = new ArrayList<>(cuts);
                            sorted.add(list.size());
                            sorted.sort(Comparator.naturalOrder());
                            return new History(list, sorted, pageSize, tiePage, seed);
                        }));
    }

    /**
     * The generated nanoseconds only decide the arrival order within a millisecond (a tie may straddle two pulls);
     * they are then dropped, since repositories store milliseconds. Ids are given in arrival order.
     */
    private static List<FakeRepository.Doc> inArrivalOrder(List<FakeRepository.Doc> docs) {
        List<FakeRepository.Doc> sorted = new ArrayList<>(docs);
        sorted.sort(Comparator.comparing(FakeRepository.Doc::createdAt));
        List<FakeRepository.Doc> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            FakeRepository.Doc d = sorted.get(i);
            result.add(new FakeRepository.Doc(String.format("doc-%03d", i), d.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), d.folder()));
        }
        return result;
    }
}
