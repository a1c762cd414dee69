package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.AgentBand;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.server.index.AcceptedDeclaration;
import fr.observatoire.ia.server.index.Unit;
import fr.observatoire.ia.server.referential.Commune;
import fr.observatoire.ia.server.referential.Departement;
import fr.observatoire.ia.server.referential.Epci;
import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.referential.Stratum;
import fr.observatoire.ia.server.stats.protection.Aggregate;
import fr.observatoire.ia.server.stats.protection.Rules;
import fr.observatoire.ia.server.support.StatsDeclarations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics engine on random populations of declarations and random queries, checked against the truth
 * recomputed here from the declarations themselves: no published cell is false or breaks a rule; two nested
 * queries never differ by a group the rules would hide (the differencing attack); a hidden cell is never the sum of
 * published ones; a cell is published or hidden the same way whichever query asks for it. The facts are written by
 * the real indexer sink into the real schema (Flyway migrations on H2).
 */
class StatsEnginePropertiesTest {
    private static final Referential REFERENTIAL = Referential.loadDefault();
    private static final Rules RULES = Rules.INSEE;
    private static final StatsEngine ENGINE = new StatsEngine(REFERENTIAL, new ReferenceUnits(REFERENTIAL), RULES);
    private static final List<Unit> PLACES = places();
    private static final List<LocalDate> MONTHS = List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
    private static final String URL = "jdbc:h2:mem:stats-properties;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static Connection connection;

    /** A collectivité, the months it declared in, and what it declared (the same each month). */
    record UnitSpec(int place, int monthMask, List<StatsDeclarations.Usage> usages, List<StatsDeclarations.IncidentSpec> incidents) {
    }

    record Population(List<UnitSpec> units) {
    }

    record Query(Measure measure, List<Dimension> by, Map<Dimension, String> filters, TimeGrain grain, LocalDate from, LocalDate to) {
        StatsQuery statsQuery(int offset) {
            return new StatsQuery(measure, by, filters, grain, from, to, StatsQuery.MAX_LIMIT, offset);
        }

        Query withFilter(Dimension d, String value) {
            Map<Dimension, String> more = new EnumMap<>(Dimension.class);
            more.putAll(filters);
            more.put(d, value);
            return new Query(measure, by, more, grain, from, to);
        }
    }

    @BeforeContainer
    static void schema() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
        connection = DriverManager.getConnection(URL, "sa", "");
    }

    @AfterContainer
    static void close() throws SQLException {
        connection.close();
    }

    // ------------------------------------------------------------------------------------------ properties

    @Property(tries = 150)
    void publishedCellsAreTrueAndPassTheRules(@ForAll("populations") Population population, @ForAll("queries") Query query) throws Exception {
        List<Placed> placed = load(population);
        for (StatsCell cell : cells(query)) {
            if (cell.suppressed()) {
                assertThat(cell.value()).isNull();
                assertThat(cell.collectivites()).isNull();
                continue;
            }
            Aggregate truth = truth(placed, query, cell.bucket(), cell.coordinates());
            assertThat(cell.collectivites()).as("collectivités of %s", cell).isEqualTo(truth.units());
            if (query.measure() != Measure.ADOPTION) {
                assertThat(cell.value().longValue()).as("value of %s", cell).isEqualTo(truth.value());
            }
            assertThat(RULES.primary(truth, query.measure().people())).as("published %s, truth %s", cell, truth).isEmpty();
        }
    }

    /** The differencing attack: a published cell minus a published sub-cell (one more filter) is never disclosive. */
    @Property(tries = 200)
    void nestedCellsNeverDifferByAGroupTheRulesWouldHide(@ForAll("populations") Population population, @ForAll("totals") Query parent,
                                                         @ForAll("filters") Map.Entry<Dimension, String> extra) throws Exception {
        if (parent.filters().containsKey(extra.getKey()) || !parent.measure().dimensions().contains(extra.getKey())) {
            return;
        }
        List<Placed> placed = load(population);
        Query child = parent.withFilter(extra.getKey(), extra.getValue());
        Map<LocalDate, StatsCell> parents = byBucket(cells(parent));
        Map<LocalDate, StatsCell> children = byBucket(cells(child));
        parents.forEach((bucket, p) -> {
            StatsCell c = children.get(bucket);
            if (p.suppressed() || c == null || c.suppressed()) {
                return;
            }
            Map<String, Long> whole = contributions(placed, parent, bucket, p.coordinates());
            Map<String, Long> part = contributions(placed, child, bucket, c.coordinates());
            Map<String, Long> difference = new HashMap<>();
            whole.forEach((unit, value) -> {
                long left = value - part.getOrDefault(unit, 0L);
                if (left > 0) {
                    difference.put(unit, left);
                }
            });
            Aggregate rest = aggregate(difference);
            assertThat(RULES.primary(rest, parent.measure().people()))
                    .as("%s minus %s=%s leaves %s", p, extra.getKey(), extra.getValue(), rest).isEmpty();
        });
    }

    /** A hidden total is never the sum of its published parts: then at least one part is hidden too. */
    @Property(tries = 150)
    void aHiddenTotalHasAHiddenPart(@ForAll("populations") Population population, @ForAll("totals") Query total,
                                    @ForAll("additive") Dimension by) throws Exception {
        if (total.filters().containsKey(by) || !total.measure().dimensions().contains(by) || total.measure() == Measure.ADOPTION
                && by.nature() != Dimension.Nature.UNIT || total.measure().bridged(by)) {
            return;
        }
        load(population);
        Query parts = new Query(total.measure(), List.of(by), total.filters(), total.grain(), total.from(), total.to());
        Map<LocalDate, StatsCell> totals = byBucket(cells(total));
        List<StatsCell> breakdown = cells(parts);
        totals.forEach((bucket, t) -> {
            if (!t.suppressed()) {
                return;
            }
            List<StatsCell> nonEmpty = breakdown.stream().filter(c -> c.bucket().equals(bucket))
                    .filter(c -> c.suppressed() || c.collectivites() > 0).toList();
            assertThat(nonEmpty).as("parts of hidden %s", t).anyMatch(StatsCell::suppressed);
        });
    }

    /** Asking for a value by a filter or finding it in a breakdown gives the same cell. */
    @Property(tries = 100)
    void aCellIsTheSameWhicheverQueryAsksForIt(@ForAll("populations") Population population, @ForAll("queries") Query query) throws Exception {
        if (query.filters().isEmpty()) {
            return;
        }
        load(population);
        List<Dimension> by = new ArrayList<>(query.by());
        by.addAll(query.filters().keySet());
        if (by.size() > StatsQuery.MAX_BY) {
            return;
        }
        Query broken = new Query(query.measure(), by, Map.of(), query.grain(), query.from(), query.to());
        Map<List<Object>, StatsCell> all = new HashMap<>();
        for (StatsCell cell : cells(broken)) {
            all.put(identity(cell), cell);
        }
        Map<List<Object>, StatsCell> asked = new HashMap<>();
        for (StatsCell cell : cells(query)) {
            asked.put(identity(cell), cell);
            StatsCell same = all.get(identity(cell));
            if (same == null) {
                // Only a published zero may be left out of a breakdown (a cell that is not listed is zero).
                assertThat(!cell.suppressed() && cell.collectivites() == 0).as("%s absent from the breakdown", cell).isTrue();
                continue;
            }
            assertThat(same.reason()).as("%s vs %s", cell, same).isEqualTo(cell.reason());
            assertThat(same.value()).isEqualTo(cell.value());
        }
        // And the other way round: a cell of the breakdown that the filters select is in the filtered answer.
        all.forEach((identity, cell) -> {
            boolean selected = query.filters().entrySet().stream().allMatch(f -> f.getValue().equals(cell.coordinates().get(f.getKey())));
            if (selected && !asked.containsKey(identity)) {
                assertThat(!cell.suppressed() && cell.collectivites() == 0).as("%s absent from the filtered answer", cell).isTrue();
            }
        });
    }

    /**
     * Every cell of a query's answer, page after page: an answer holds at most {@link StatsQuery#MAX_LIMIT} cells
     * (a breakdown by EPCI, with every EPCI of France, has tens of thousands), and a cell on a later page is no less
     * published than one on the first.
     */
    private static List<StatsCell> cells(Query query) throws SQLException {
        List<StatsCell> cells = new ArrayList<>();
        while (true) {
            StatsResult page = ENGINE.run(connection, query.statsQuery(cells.size()));
            cells.addAll(page.cells());
            if (page.cells().isEmpty() || cells.size() >= page.total()) {
                assertThat(cells).as("the pages of %s", query).hasSize(page.total());
                return cells;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ truth

    /** A declaration and its declarant as a statistical unit. */
    record Placed(Unit unit, Declaration declaration) {
    }

    private static Map<LocalDate, StatsCell> byBucket(List<StatsCell> cells) {
        Map<LocalDate, StatsCell> map = new HashMap<>();
        cells.forEach(c -> map.put(c.bucket(), c));
        return map;
    }

    private static List<Object> identity(StatsCell cell) {
        List<Object> identity = new ArrayList<>();
        identity.add(cell.period());
        cell.coordinates().forEach((d, v) -> identity.add(d + "=" + v));
        return identity;
    }

    private static Aggregate truth(List<Placed> placed, Query query, LocalDate bucket, Map<Dimension, String> cell) {
        return aggregate(contributions(placed, query, bucket, cell));
    }

    private static Aggregate aggregate(Map<String, Long> contributions) {
        long value = 0;
        long largest = 0;
        for (long c : contributions.values()) {
            value += c;
            largest = Math.max(largest, c);
        }
        return new Aggregate(value, contributions.size(), largest);
    }

    /** Each collectivité's contribution to the cell, from the declarations themselves. */
    private static Map<String, Long> contributions(List<Placed> placed, Query query, LocalDate bucket, Map<Dimension, String> cell) {
        LocalDate end = query.grain().next(bucket);
        Map<String, Declaration> stock = new LinkedHashMap<>();
        List<Placed> flows = new ArrayList<>();
        for (Placed p : placed) {
            LocalDate start = p.declaration().period().start();
            if (start.isBefore(bucket) || !start.isBefore(end) || !unitMatches(p.unit(), cell)) {
                continue;
            }
            flows.add(p);
            // The latest declaration of the bucket is the stock (each unit declares at most once a month here).
            stock.merge(p.unit().siren(), p.declaration(), (a, b) -> a.period().start().isAfter(b.period().start()) ? a : b);
        }
        Map<String, Long> contributions = new HashMap<>();
        Measure m = query.measure();
        if (m.stock()) {
            stock.forEach((siren, d) -> {
                long contribution = 0;
                for (AiUsage u : d.inventory().usages()) {
                    if (usageMatches(u, cell, m)) {
                        contribution += switch (m) {
                            case ADOPTION, USAGES -> 1;
                            default -> StockFacts.lowerBound(band(d, u.id()));
                        };
                    }
                }
                if (m == Measure.ADOPTION) {
                    contribution = Math.min(contribution, 1);
                }
                if (contribution > 0) {
                    contributions.put(siren, contribution);
                }
            });
            return contributions;
        }
        for (Placed p : flows) {
            Declaration d = p.declaration();
            long contribution = 0;
            if (m == Measure.ACTIVITY) {
                for (ActivityCount a : d.activity()) {
                    AiUsage u = d.inventory().usage(a.usageId()).orElseThrow();
                    if (usageMatches(u, cell, m) && matches(cell, Dimension.SERVICE, a.service().name())
                            && matches(cell, Dimension.ACTION, a.action().name())) {
                        contribution += a.count();
                    }
                }
            } else {
                for (IncidentCount i : d.incidents().counts()) {
                    if (matches(cell, Dimension.CATEGORY, i.category().name()) && matches(cell, Dimension.SEVERITY, i.severity().name())) {
                        contribution += i.count();
                    }
                }
            }
            if (contribution > 0) {
                contributions.merge(p.unit().siren(), contribution, Long::sum);
            }
        }
        return contributions;
    }

    private static AgentBand band(Declaration d, String usageId) {
        return d.activeAgents().stream().filter(a -> a.usageId().equals(usageId)).map(a -> a.band()).findFirst().orElse(null);
    }

    private static boolean unitMatches(Unit unit, Map<Dimension, String> cell) {
        return matches(cell, Dimension.DEPARTEMENT, unit.departement()) && matches(cell, Dimension.EPCI, unit.epci())
                && matches(cell, Dimension.COMMUNE, unit.commune())
                && matches(cell, Dimension.STRATUM, unit.stratum() == null ? null : unit.stratum().name())
                && matches(cell, Dimension.KIND, unit.kind().name());
    }

    private static boolean usageMatches(AiUsage u, Map<Dimension, String> cell, Measure m) {
        boolean obstacles = !cell.containsKey(Dimension.OBSTACLE)
                || u.obstacles().stream().anyMatch(o -> o.name().equals(cell.get(Dimension.OBSTACLE)));
        boolean services = !m.stock() || !cell.containsKey(Dimension.SERVICE)
                || u.services().stream().anyMatch(s -> s.name().equals(cell.get(Dimension.SERVICE)));
        return matches(cell, Dimension.PURPOSE, u.purpose().name()) && matches(cell, Dimension.MATURITY, u.maturity().name())
                && matches(cell, Dimension.STAGE, Stage.of(u.maturity()).name()) && matches(cell, Dimension.GOVERNANCE, u.governance().name())
                && matches(cell, Dimension.HOSTING, u.hosting().name()) && matches(cell, Dimension.AI_ACT, u.aiAct().riskClass().name())
                && matches(cell, Dimension.PUBLICATION, u.publication().name()) && obstacles && services;
    }

    /** A coordinate the cell does not have matches anything; one it has (null: none) must be equal. */
    private static boolean matches(Map<Dimension, String> cell, Dimension d, String value) {
        return !cell.containsKey(d) || Objects.equals(cell.get(d), value);
    }

    // ------------------------------------------------------------------------------------------ data

    /** Writes the population's declarations through the real sink, into empty fact tables. */
    private static List<Placed> load(Population population) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("stats_presence", "stats_usage", "stats_usage_obstacle", "stats_usage_service", "stats_activity",
                    "stats_incident")) {
                statement.execute("DELETE FROM " + table);
            }
        }
        StatsFacts facts = new StatsFacts();
        List<Placed> placed = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (UnitSpec spec : population.units()) {
            if (seen.contains(spec.place())) {
                continue;
            }
            seen.add(spec.place());
            Unit unit = PLACES.get(spec.place());
            Declarant declarant = declarant(unit);
            long sequence = 0;
            for (int m = 0; m < MONTHS.size(); m++) {
                if ((spec.monthMask() & (1 << m)) == 0) {
                    continue;
                }
                sequence++;
                // The second Monday of the month: the week lies inside the month.
                LocalDate monday = MONTHS.get(m).with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(2, java.time.DayOfWeek.MONDAY));
                Declaration d = StatsDeclarations.declaration(declarant, sequence, sequence == 1 ? null : "sha256:" + "0".repeat(64),
                        Period.containing(PeriodKind.WEEK, monday), Instant.parse("2026-04-01T00:00:00Z"), spec.usages(), spec.incidents());
                facts.index(connection, new AcceptedDeclaration(UUID.randomUUID(), 0, "sha256:x", Instant.now(), d, unit));
                placed.add(new Placed(unit, d));
            }
        }
        return placed;
    }

    private static Declarant declarant(Unit unit) {
        return switch (unit.kind()) {
            case COMMUNE -> new Declarant(DeclarantKind.COMMUNE, unit.siren(), unit.commune(), null, unit.name());
            case DEPARTEMENT -> new Declarant(DeclarantKind.DEPARTEMENT, unit.siren(), unit.departement(), null, unit.name());
            default -> new Declarant(unit.kind(), unit.siren(), null, null, unit.name());
        };
    }

    /** Communes of two EPCI of the Alpes-Maritimes and ten of the Métropole, the three EPCI, and the département. */
    private static List<Unit> places() {
        List<Unit> places = new ArrayList<>();
        for (String epciSiren : List.of("240600551", "240600593", "200030195")) {
            Epci epci = REFERENTIAL.epciBySiren(epciSiren).orElseThrow();
            List<Commune> members = REFERENTIAL.members(epciSiren);
            for (Commune c : members.subList(0, Math.min(12, members.size()))) {
                places.add(new Unit(c.siren(), DeclarantKind.COMMUNE, c.name(), c.departement(), c.epciSiren(), c.insee(), c.stratum()));
            }
            places.add(new Unit(epci.siren(), DeclarantKind.EPCI, epci.name(), epci.departement(), epci.siren(), null, epci.stratum()));
        }
        Departement d = REFERENTIAL.departement("06").orElseThrow();
        places.add(new Unit("220600019", DeclarantKind.DEPARTEMENT, d.name(), "06", null, null, Stratum.of(d.population())));
        return List.copyOf(places);
    }

    @Provide
    Arbitrary<Population> populations() {
        Arbitrary<StatsDeclarations.Usage> usage = Combinators.combine(
                Arbitraries.of(Purpose.DRAFTING, Purpose.TRANSCRIPTION, Purpose.CITIZEN_CHATBOT),
                Arbitraries.of(Maturity.PILOT, Maturity.PRODUCTION, Maturity.SCALED, Maturity.IDEA),
                Arbitraries.of(Governance.SANCTIONED, Governance.SHADOW),
                Arbitraries.of(PublicationLevel.values()),
                Arbitraries.of(Obstacle.SKILLS, Obstacle.COST, Obstacle.TRUST).set().ofMaxSize(2),
                Arbitraries.of(AgentBand.FEWER_THAN_3, AgentBand.FROM_3_TO_10, AgentBand.FROM_11_TO_49).injectNull(0.2),
                Arbitraries.longs().between(0, 300),
                Arbitraries.of(AiActRiskClass.MINIMAL, AiActRiskClass.LIMITED, AiActRiskClass.HIGH))
                .as((purpose, maturity, governance, publication, obstacles, band, activity, risk) -> new StatsDeclarations.Usage(
                        "u-" + purpose.name().toLowerCase() + "-" + maturity.name().toLowerCase(), purpose, maturity, governance,
                        Hosting.EU_CLOUD, risk, publication, List.copyOf(obstacles), List.of(activity % 2 == 0 ? Service.FINANCE : Service.COMMUNICATION),
                        band, activity, activity % 3 == 0 ? ActionKind.PROMPT : ActionKind.DOCUMENT_DRAFTED));
        Arbitrary<StatsDeclarations.IncidentSpec> incident = Combinators.combine(
                        Arbitraries.of(IncidentCategory.FACTUAL_ERROR, IncidentCategory.PERSONAL_DATA_DISCLOSURE),
                        Arbitraries.of(Severity.S0, Severity.S1, Severity.S2), Arbitraries.longs().between(0, 6))
                .as(StatsDeclarations.IncidentSpec::new);
        Arbitrary<UnitSpec> unit = Combinators.combine(Arbitraries.integers().between(0, PLACES.size() - 1), Arbitraries.integers().between(1, 7),
                        usage.list().ofMaxSize(3).uniqueElements(StatsDeclarations.Usage::id),
                        incident.list().ofMaxSize(2).uniqueElements(i -> i.category().name() + i.severity()))
                .as(UnitSpec::new);
        return unit.list().ofMaxSize(30).map(Population::new);
    }

    @Provide
    Arbitrary<Query> queries() {
        return Arbitraries.of(Measure.values()).flatMap(measure -> {
            List<Dimension> usable = measure.dimensions().stream().filter(d -> d != Dimension.COMMUNE).toList();
            Arbitrary<List<Dimension>> by = Arbitraries.of(usable).list().ofMaxSize(2).uniqueElements();
            Arbitrary<Map<Dimension, String>> filters = filters().list().ofMaxSize(2).map(entries -> {
                Map<Dimension, String> map = new EnumMap<>(Dimension.class);
                entries.stream().filter(e -> usable.contains(e.getKey())).forEach(e -> map.put(e.getKey(), e.getValue()));
                return map;
            });
            return Combinators.combine(by, filters, grains()).as((b, f, g) -> {
                Map<Dimension, String> kept = new EnumMap<>(Dimension.class);
                f.forEach((d, v) -> {
                    if (!b.contains(d)) {
                        kept.put(d, v);
                    }
                });
                return new Query(measure, b, kept, g.grain(), g.from(), g.to());
            });
        });
    }

    /** Queries without breakdown: one cell per bucket. */
    @Provide
    Arbitrary<Query> totals() {
        return queries().map(q -> new Query(q.measure(), List.of(), q.filters(), q.grain(), q.from(), q.to()));
    }

    @Provide
    Arbitrary<Dimension> additive() {
        return Arbitraries.of(Dimension.DEPARTEMENT, Dimension.EPCI, Dimension.STRATUM, Dimension.KIND, Dimension.PURPOSE,
                Dimension.MATURITY, Dimension.GOVERNANCE, Dimension.PUBLICATION, Dimension.CATEGORY, Dimension.SEVERITY, Dimension.ACTION);
    }

    record Range(TimeGrain grain, LocalDate from, LocalDate to) {
    }

    private Arbitrary<Range> grains() {
        return Arbitraries.of(new Range(TimeGrain.MONTH, MONTHS.get(0), MONTHS.get(0)), new Range(TimeGrain.MONTH, MONTHS.get(1), MONTHS.get(1)),
                new Range(TimeGrain.MONTH, MONTHS.get(0), MONTHS.get(2)), new Range(TimeGrain.QUARTER, MONTHS.get(0), MONTHS.get(0)));
    }

    @Provide
    Arbitrary<Map.Entry<Dimension, String>> filters() {
        Arbitrary<Map.Entry<Dimension, String>> territory = Arbitraries.of(
                Map.entry(Dimension.DEPARTEMENT, "06"), Map.entry(Dimension.DEPARTEMENT, "04"),
                Map.entry(Dimension.EPCI, "240600551"), Map.entry(Dimension.EPCI, "200030195"));
        Arbitrary<Map.Entry<Dimension, String>> enumerated = Arbitraries.of(Dimension.STRATUM, Dimension.KIND, Dimension.PURPOSE,
                        Dimension.STAGE, Dimension.MATURITY, Dimension.GOVERNANCE, Dimension.PUBLICATION, Dimension.AI_ACT, Dimension.OBSTACLE,
                        Dimension.SERVICE, Dimension.ACTION, Dimension.CATEGORY, Dimension.SEVERITY)
                .flatMap(d -> Arbitraries.of(d.constants()).map(v -> Map.entry(d, v)));
        return Arbitraries.oneOf(territory, enumerated, enumerated);
    }
}
