package fr.observatoire.ia.server.index;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AgentBand;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.server.db.PostgresProfile;
import fr.observatoire.ia.server.referential.Commune;
import fr.observatoire.ia.server.referential.Epci;
import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.registry.RegisterFacts;
import fr.observatoire.ia.server.stats.StatsFacts;
import fr.observatoire.ia.server.support.StatsDeclarations;
import fr.observatoire.ia.server.support.StatsDeclarations.IncidentSpec;
import fr.observatoire.ia.server.support.StatsDeclarations.Usage;
import fr.observatoire.ia.server.support.StatsTerritory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.statistics.Statistics;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indexing declarations a chunk at a time ({@link IndexSink#indexAll}) leaves exactly the rows that indexing them one at
 * a time, in the same order, leaves: every fact and register table, compared in full. Random histories of three
 * collectivités, cut into random chunks: several declarations of one collectivité in a chunk, an old period delivered
 * after a newer one, a period declared again with a higher (or the same) sequence, usages changed or removed from one
 * declaration to the next, incidents both counted and reported. The real sinks write into the real schema (Flyway
 * migrations): on H2, and on PostgreSQL when one answers (as {@link PostgresProfile} finds it), with the server's
 * batch rewriting.
 */
class ChunkedIndexingPropertiesTest {
    private static final Referential REFERENTIAL = Referential.loadDefault();
    private static final List<String> TABLES = List.of("stats_presence", "stats_usage", "stats_usage_obstacle", "stats_usage_service",
            "stats_activity", "stats_incident", "register_source", "register_usage");
    private static final List<IndexSink> SINKS = List.of(new StatsFacts(), new RegisterFacts());
    private static final List<Place> PLACES = places();
    /** Weeks and months of early 2026 that overlap one another; the first week straddles January and February. */
    private static final List<Period> PERIODS = List.of(Period.containing(PeriodKind.WEEK, LocalDate.of(2026, 1, 26)),
            Period.containing(PeriodKind.WEEK, LocalDate.of(2026, 2, 2)), Period.containing(PeriodKind.WEEK, LocalDate.of(2026, 2, 23)),
            Period.containing(PeriodKind.MONTH, LocalDate.of(2026, 1, 1)), Period.containing(PeriodKind.MONTH, LocalDate.of(2026, 2, 1)),
            Period.containing(PeriodKind.MONTH, LocalDate.of(2026, 3, 1)));
    private static final String H2 = "jdbc:h2:mem:chunked-indexing-%s;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH";
    private static final String PG_SCHEMA = "chunked_indexing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static Databases h2;
    private static Databases postgresql;

    /** A collectivité, as the statistics see it and as it declares. */
    record Place(Unit unit, Declarant declarant) {
    }

    /** A declaration to index: whose, of which period (an index in {@link #PERIODS}), with which sequence, stating what. */
    record Spec(int place, int period, int sequence, List<Usage> usages, List<IncidentSpec> counted,
                List<Tuple2<IncidentCategory, Severity>> reported) {
    }

    /** Declarations in ingest order, and the sizes of the chunks they are indexed in (taken in turn, over again). */
    record History(List<Spec> specs, List<Integer> chunkSizes) {

        List<AcceptedDeclaration> declarations() {
            List<AcceptedDeclaration> declarations = new ArrayList<>();
            for (Spec spec : specs) {
                Place place = PLACES.get(spec.place());
                Period period = PERIODS.get(spec.period());
                Instant issuedAt = period.end().atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(declarations.size());
                String previousHash = spec.sequence() == 1 ? null : "sha256:" + "0".repeat(64);
                Declaration d = StatsDeclarations.declaration(place.declarant(), spec.sequence(), previousHash, period, issuedAt,
                        spec.usages(), spec.counted(),
                        spec.reported().stream().map(r -> StatsDeclarations.reported(r.get1(), r.get2(), period)).toList());
                long ingestNo = declarations.size() + 1;
                declarations.add(new AcceptedDeclaration(d.id(), ingestNo, String.format("sha256:%064x", ingestNo), issuedAt, d,
                        place.unit()));
            }
            return declarations;
        }

        <T> List<List<T>> chunks(List<T> all) {
            List<List<T>> chunks = new ArrayList<>();
            for (int from = 0, turn = 0; from < all.size(); turn++) {
                int to = Math.min(all.size(), from + chunkSizes.get(turn % chunkSizes.size()));
                chunks.add(all.subList(from, to));
                from = to;
            }
            return chunks;
        }

        boolean aChunkHoldsTwoOfOneCollectivite() {
            return chunks(specs).stream().anyMatch(chunk -> chunk.stream().map(Spec::place).distinct().count() < chunk.size());
        }

        boolean anOlderPeriodComesAfterANewerOne() {
            return anyLaterOfTheSamePlace((earlier, later) -> start(later).isBefore(start(earlier)));
        }

        boolean aPeriodComesAgainWithAHigherSequence() {
            return anyLaterOfTheSamePlace((earlier, later) -> start(later).equals(start(earlier)) && later.sequence() > earlier.sequence());
        }

        boolean aUsageIsRemoved() {
            return anyLaterOfTheSamePlace((earlier, later) -> !ids(later).containsAll(ids(earlier)));
        }

        boolean anIncidentIsCountedAndReported() {
            return specs.stream().anyMatch(s -> s.counted().stream().anyMatch(c -> c.count() > 0
                    && s.reported().contains(Tuple.of(c.category(), c.severity()))));
        }

        private boolean anyLaterOfTheSamePlace(BiPredicate<Spec, Spec> condition) {
            for (int i = 0; i < specs.size(); i++) {
                for (int j = i + 1; j < specs.size(); j++) {
                    if (specs.get(i).place() == specs.get(j).place() && condition.test(specs.get(i), specs.get(j))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static LocalDate start(Spec spec) {
            return PERIODS.get(spec.period()).start();
        }

        private static Set<String> ids(Spec spec) {
            Set<String> ids = new HashSet<>();
            spec.usages().forEach(u -> ids.add(u.id()));
            return ids;
        }
    }

    /** Two databases with the schema: one indexed a declaration at a time, the other a chunk at a time. */
    record Databases(Connection oneByOne, Connection chunked) {
        void close() throws SQLException {
            oneByOne.close();
            chunked.close();
        }
    }

    @BeforeContainer
    static void h2() throws SQLException {
        h2 = new Databases(h2Database("one-by-one"), h2Database("chunked"));
    }

    @AfterContainer
    static void close() throws SQLException {
        h2.close();
        if (postgresql != null) {
            postgresql.close();
            try (Connection connection = PostgresAnswers.connect(null); Statement drop = connection.createStatement()) {
                drop.execute("DROP SCHEMA " + PG_SCHEMA + "_one CASCADE");
                drop.execute("DROP SCHEMA " + PG_SCHEMA + "_chunked CASCADE");
            }
        }
    }

    @Property(tries = 40)
    void chunksLeaveTheRowsThatOneDeclarationAtATimeLeaves(@ForAll("histories") History history) throws SQLException {
        assertSameRows(h2, history);

        collect("several declarations of a collectivité in a chunk", history.aChunkHoldsTwoOfOneCollectivite());
        collect("an older period after a newer one", history.anOlderPeriodComesAfterANewerOne());
        collect("a period again with a higher sequence", history.aPeriodComesAgainWithAHigherSequence());
        collect("a usage removed", history.aUsageIsRemoved());
        collect("an incident counted and reported", history.anIncidentIsCountedAndReported());
    }

    @Property(tries = 15)
    @AddLifecycleHook(PostgresAnswers.class)
    void chunksLeaveTheRowsThatOneDeclarationAtATimeLeavesOnPostgresql(@ForAll("histories") History history) throws SQLException {
        assertSameRows(postgresql(), history);
    }

    private static void assertSameRows(Databases databases, History history) throws SQLException {
        clear(databases.oneByOne());
        clear(databases.chunked());
        List<AcceptedDeclaration> declarations = history.declarations();
        for (AcceptedDeclaration declaration : declarations) {
            inTransaction(databases.oneByOne(), connection -> {
                for (IndexSink sink : SINKS) {
                    sink.index(connection, declaration);
                }
            });
        }
        for (List<AcceptedDeclaration> chunk : history.chunks(declarations)) {
            inTransaction(databases.chunked(), connection -> {
                for (IndexSink sink : SINKS) {
                    sink.indexAll(connection, chunk);
                }
            });
        }
        for (String table : TABLES) {
            assertThat(rows(databases.chunked(), table)).as(table).isEqualTo(rows(databases.oneByOne(), table));
        }
        assertThat(rows(databases.chunked(), "stats_presence")).as("every declaration has a stock").isNotEmpty();
    }

    /** Counts how often the generator makes a case, and fails unless it makes it in a good share of the tries. */
    private static void collect(String label, boolean happened) {
        Statistics.label(label).collect(happened);
        Statistics.label(label).coverage(coverage -> coverage.check(true).percentage(p -> p >= 10));
    }

    // ------------------------------------------------------------------------------------------ databases

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** As the indexer does: every sink's writes of a chunk in one transaction. */
    private static void inTransaction(Connection connection, Work work) throws SQLException {
        try {
            work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static void clear(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DELETE FROM " + table);
            }
        }
        connection.commit();
    }

    /** Every row of {@code table}, each as its columns' text, sorted. */
    private static List<String> rows(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(result.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        connection.commit();
        rows.sort(null);
        return rows;
    }

    private static Connection h2Database(String name) throws SQLException {
        String url = H2.formatted(name);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        Connection connection = DriverManager.getConnection(url, "sa", "");
        connection.setAutoCommit(false);
        return connection;
    }

    private static synchronized Databases postgresql() throws SQLException {
        if (postgresql == null) {
            postgresql = new Databases(postgresqlSchema(PG_SCHEMA + "_one"), postgresqlSchema(PG_SCHEMA + "_chunked"));
        }
        return postgresql;
    }

    private static Connection postgresqlSchema(String schema) throws SQLException {
        Flyway.configure().dataSource(PostgresProfile.url(), PostgresProfile.user(), PostgresProfile.password()).schemas(schema)
                .locations("classpath:db/migration").load().migrate();
        Connection connection = PostgresAnswers.connect(schema);
        connection.setAutoCommit(false);
        return connection;
    }

    /**
     * Skips a property unless PostgreSQL answers at the tests' URL; with {@code -Dobservatoire.pg.required=true} (CI),
     * its absence is a failure instead.
     */
    public static class PostgresAnswers implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            try (Connection ignored = connect(null)) {
                return SkipResult.doNotSkip();
            } catch (SQLException e) {
                String why = "PostgreSQL does not answer at " + PostgresProfile.url() + ": " + e.getMessage();
                if (Boolean.getBoolean("observatoire.pg.required")) {
                    throw new IllegalStateException(why + " (and observatoire.pg.required=true)", e);
                }
                return SkipResult.skip(why);
            }
        }

        /** A connection as the server makes it (batched inserts rewritten), to {@code schema} when not null. */
        static Connection connect(String schema) throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", PostgresProfile.user());
            properties.setProperty("password", PostgresProfile.password());
            properties.setProperty("connectTimeout", "3");
            properties.setProperty("reWriteBatchedInserts", "true");
            if (schema != null) {
                properties.setProperty("currentSchema", schema);
            }
            return DriverManager.getConnection(PostgresProfile.url(), properties);
        }
    }

    // ------------------------------------------------------------------------------------------ generators

    /** Two communes of the CA du Pays de Grasse and the agglomération itself. */
    private static List<Place> places() {
        List<Place> places = new ArrayList<>();
        for (Commune c : REFERENTIAL.members(StatsTerritory.GRASSE).subList(0, 2)) {
            places.add(new Place(new Unit(c.siren(), DeclarantKind.COMMUNE, c.name(), c.departement(), c.epciSiren(), c.insee(), c.stratum()),
                    new Declarant(DeclarantKind.COMMUNE, c.siren(), c.insee(), null, c.name())));
        }
        Epci epci = REFERENTIAL.epciBySiren(StatsTerritory.GRASSE).orElseThrow();
        places.add(new Place(new Unit(epci.siren(), DeclarantKind.EPCI, epci.name(), epci.departement(), epci.siren(), null, epci.stratum()),
                new Declarant(DeclarantKind.EPCI, epci.siren(), null, null, epci.name())));
        return List.copyOf(places);
    }

    @Provide
    Arbitrary<History> histories() {
        // Three usage ids whose attributes vary from one declaration to the next (a usage matures, is published...);
        // obstacles and services may repeat, which the facts keep once.
        Arbitrary<Usage> usage = Combinators.combine(
                Arbitraries.of("redaction", "chatbot", "transcription"),
                Arbitraries.of(Maturity.PILOT, Maturity.PRODUCTION),
                Arbitraries.of(Governance.SANCTIONED, Governance.SHADOW),
                Arbitraries.of(PublicationLevel.PUBLIC_REGISTER, PublicationLevel.STATISTICS_ONLY),
                Arbitraries.of(Obstacle.SKILLS, Obstacle.COST).list().ofMaxSize(3),
                Arbitraries.of(Service.FINANCE, Service.COMMUNICATION).list().ofMaxSize(3),
                Arbitraries.of(AgentBand.FEWER_THAN_3, AgentBand.FROM_11_TO_49).injectNull(0.3),
                Arbitraries.longs().between(0, 50))
                .as((id, maturity, governance, publication, obstacles, services, band, activity) -> new Usage(id, Purpose.DRAFTING,
                        maturity, governance, Hosting.EU_CLOUD, AiActRiskClass.MINIMAL, publication, obstacles, services, band, activity,
                        activity % 2 == 0 ? ActionKind.PROMPT : ActionKind.DOCUMENT_DRAFTED));
        Arbitrary<IncidentCategory> category = Arbitraries.of(IncidentCategory.FACTUAL_ERROR, IncidentCategory.PERSONAL_DATA_DISCLOSURE);
        Arbitrary<Severity> severity = Arbitraries.of(Severity.S1, Severity.S2);
        Arbitrary<IncidentSpec> counted = Combinators.combine(category, severity, Arbitraries.longs().between(0, 3)).as(IncidentSpec::new);
        Arbitrary<Tuple2<IncidentCategory, Severity>> reported = Combinators.combine(category, severity).as(Tuple::of);
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.integers().between(0, PLACES.size() - 1),
                Arbitraries.integers().between(0, PERIODS.size() - 1),
                Arbitraries.integers().between(1, 3),
                usage.list().ofMaxSize(3).uniqueElements(Usage::id),
                counted.list().ofMaxSize(2).uniqueElements(i -> i.category().name() + i.severity()),
                reported.list().ofMaxSize(3))
                .as(Spec::new);
        return Combinators.combine(spec.list().ofMinSize(2).ofMaxSize(24), Arbitraries.integers().between(1, 8).list().ofMinSize(1).ofMaxSize(4))
                .as(History::new);
    }
}
