package fr.observatoire.ia.server.stats.bench;

import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.referential.Stratum;
import fr.observatoire.ia.server.stats.Stage;
import fr.observatoire.ia.server.stats.TimeGrain;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A realistic year of declarations for the whole of France, written straight into the statistics' fact tables (and
 * the public register) with PostgreSQL's COPY: every commune, EPCI, département and région of the referential, of
 * which a share that grows with size and over the year declares; communes under 3,500 inhabitants monthly, the others
 * weekly; usages that start as trials and mostly reach production; a little shadow AI, a few incidents.
 *
 * <p>The rows follow the indexer's rules ({@link fr.observatoire.ia.server.stats.StatsFacts}): stocks per grain from
 * each collectivité's latest declaration overlapping the bucket, flows added to the week and the month of the
 * period's first day.
 */
final class NationalFacts {
    private static final int WEEKS = 52;
    private static final int FLUSH = 50_000;

    private final Referential referential;
    private final SplittableRandom random;
    private final LocalDate lastWeek;
    private final double adoptionFactor;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private CopyManager copy;

    /** A unit of the referential. */
    private record Place(String siren, DeclarantKind kind, String name, String insee, long population, String departement, String epci,
                         String commune, Stratum stratum) {
    }

    /** A usage of a collectivité and its history: when it starts, and how its maturity goes. */
    private record UsageLife(String id, Purpose purpose, Governance governance, Hosting hosting, AiActRiskClass risk,
                             PublicationLevel publication, List<Obstacle> obstacles, List<Service> services, int start,
                             Maturity first, int productionAt, Maturity later, int agents, long weeklyActivity) {
        Maturity maturityAt(int week) {
            if (week < start) {
                return null;
            }
            return week - start >= productionAt ? later : first;
        }
    }

    /** One declaration: its period and the week whose state it carries. */
    private record Decl(LocalDate start, LocalDate end, int week, boolean monthly) {
    }

    /** Buffered CSV rows of one table, copied in batches. */
    private static final class Table {
        final String copySql;
        final StringBuilder rows = new StringBuilder(1 << 20);
        int pending;

        Table(String copySql) {
            this.copySql = copySql;
        }
    }

    /** {@code adoptionFactor} multiplies every adoption probability (1: the realistic year; more: a stress test). */
    NationalFacts(Referential referential, long seed, LocalDate lastWeek, double adoptionFactor) {
        this.referential = referential;
        this.random = new SplittableRandom(seed);
        this.lastWeek = lastWeek;
        this.adoptionFactor = adoptionFactor;
        table("stats_usage", "grain, bucket, siren, usage_id, departement, epci, commune, stratum, kind, purpose, maturity, stage,"
                + " governance, hosting, ai_act, publication, agents");
        table("stats_usage_obstacle", "grain, bucket, siren, usage_id, obstacle");
        table("stats_usage_service", "grain, bucket, siren, usage_id, service");
        table("stats_activity", "grain, bucket, quarter_bucket, year_bucket, siren, departement, epci, commune, stratum, kind, usage_id,"
                + " purpose, maturity, stage, governance, hosting, ai_act, publication, service, action, amount");
        table("stats_incident", "grain, bucket, quarter_bucket, year_bucket, siren, departement, epci, commune, stratum, kind, category,"
                + " severity, amount");
        table("collectivite", "siren, kind, name, insee_code, uai, population, departement, epci_siren, contact_email, registered_at");
        table("register_source", "siren, declaration_id, period_start, sequence, issued_at, payload_hash");
        table("register_usage", "siren, usage_id, departement, epci, name, ai_act, usage_json");
    }

    private void table(String name, String columns) {
        tables.put(name, new Table("COPY " + name + " (" + columns + ") FROM STDIN WITH (FORMAT csv)"));
        counts.put(name, 0L);
    }

    /** Writes everything; returns the number of rows per table. */
    Map<String, Long> write(Connection connection) throws SQLException {
        copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (Place place : places()) {
            unit(place);
        }
        for (String name : tables.keySet()) {
            flush(name);
        }
        return counts;
    }

    private List<Place> places() {
        List<Place> places = new ArrayList<>();
        referential.communes().forEach(c -> places.add(new Place(c.siren(), DeclarantKind.COMMUNE, c.name(), c.insee(), c.population(),
                c.departement(), c.epciSiren(), c.insee(), c.stratum())));
        referential.epcis().forEach(e -> places.add(new Place(e.siren(), DeclarantKind.EPCI, e.name(), null, e.population(),
                e.departement(), e.siren(), null, e.stratum())));
        // Départements and régions have no SIREN in the referential: a stable made-up one, for the benchmark only.
        int n = 0;
        for (var d : referential.departements()) {
            places.add(new Place(String.format("8%08d", n++), DeclarantKind.DEPARTEMENT, d.name(), d.code(), d.population(), d.code(),
                    null, null, Stratum.of(d.population())));
        }
        for (var r : referential.regions()) {
            places.add(new Place(String.format("8%08d", n++), DeclarantKind.REGION, r.name(), r.code(), r.population(), null, null,
                    null, Stratum.of(r.population())));
        }
        return places;
    }

    /** Share of the units of this size that declare by the end of the year. */
    private static double adoption(Place p) {
        return switch (p.kind()) {
            case EPCI -> 0.40;
            case DEPARTEMENT -> 0.70;
            case REGION -> 0.80;
            default -> switch (p.stratum()) {
                case UNDER_500 -> 0.04;
                case FROM_500_TO_3499 -> 0.10;
                case FROM_3500_TO_9999 -> 0.30;
                case FROM_10000_TO_49999 -> 0.55;
                case AT_LEAST_50000 -> 0.85;
            };
        };
    }

    private void unit(Place p) throws SQLException {
        if (random.nextDouble() >= Math.min(1, adoption(p) * adoptionFactor)) {
            return;
        }
        // Adoption rises over the year: P(started by week w) = (w / 52)^1.6.
        int start = (int) Math.min(WEEKS - 1, Math.floor(WEEKS * Math.pow(random.nextDouble(), 1 / 1.6)));
        boolean monthly = p.kind() == DeclarantKind.COMMUNE && p.population() < 3_500;
        List<UsageLife> usages = usages(p, start);
        List<Decl> declarations = declarations(start, monthly);
        if (declarations.isEmpty()) {
            return;
        }
        for (TimeGrain grain : TimeGrain.values()) {
            Map<LocalDate, Decl> latest = new HashMap<>();
            for (Decl d : declarations) {
                for (LocalDate bucket : grain.overlapping(d.start(), d.end())) {
                    latest.merge(bucket, d, (a, b) -> a.start().isAfter(b.start()) ? a : b);
                }
            }
            for (Map.Entry<LocalDate, Decl> e : latest.entrySet()) {
                stocks(p, grain, e.getKey(), e.getValue(), usages);
            }
        }
        Map<List<Object>, long[]> monthlyActivity = new LinkedHashMap<>();
        Map<List<Object>, long[]> monthlyIncidents = new LinkedHashMap<>();
        for (Decl d : declarations) {
            flows(p, d, usages, monthlyActivity, monthlyIncidents);
        }
        monthlyActivity.forEach((key, amount) -> activityRow(key, amount[0]));
        monthlyIncidents.forEach((key, amount) -> incidentRow(key, amount[0]));
        register(p, declarations.get(declarations.size() - 1), usages);
    }

    private List<UsageLife> usages(Place p, int unitStart) {
        int extra = switch (p.stratum()) {
            case UNDER_500 -> 0;
            case FROM_500_TO_3499 -> 1;
            case FROM_3500_TO_9999 -> 2;
            case FROM_10000_TO_49999 -> 4;
            case AT_LEAST_50000 -> 7;
        };
        int count = 1 + random.nextInt(extra + 1);
        List<UsageLife> usages = new ArrayList<>();
        double scale = Math.max(1, Math.log10(Math.max(10, p.population())) - 1);
        for (int i = 0; i < count; i++) {
            Purpose purpose = pick(PURPOSES, PURPOSE_WEIGHTS);
            int start = i == 0 ? unitStart : Math.min(WEEKS - 1, unitStart + random.nextInt(30));
            Maturity first = random.nextDouble() < 0.1 ? Maturity.IDEA : random.nextBoolean() ? Maturity.EXPERIMENT : Maturity.PILOT;
            double fate = random.nextDouble();
            Maturity later = fate < 0.55 ? Maturity.PRODUCTION : fate < 0.75 ? Maturity.SCALED : fate < 0.85 ? Maturity.ABANDONED : first;
            double g = random.nextDouble();
            Governance governance = g < 0.25 ? Governance.SHADOW : g < 0.45 ? Governance.TOLERATED : Governance.SANCTIONED;
            AiActRiskClass risk = random.nextDouble() < 0.02 ? AiActRiskClass.HIGH
                    : purpose == Purpose.CITIZEN_CHATBOT ? AiActRiskClass.LIMITED : AiActRiskClass.MINIMAL;
            List<Obstacle> obstacles = new ArrayList<>();
            for (int o = random.nextInt(3); o > 0; o--) {
                Obstacle obstacle = pick(OBSTACLES, OBSTACLE_WEIGHTS);
                if (!obstacles.contains(obstacle)) {
                    obstacles.add(obstacle);
                }
            }
            List<Service> services = new ArrayList<>(List.of(Service.values()[random.nextInt(Service.values().length)]));
            if (random.nextBoolean()) {
                Service second = Service.values()[random.nextInt(Service.values().length)];
                if (!services.contains(second)) {
                    services.add(second);
                }
            }
            int agents = p.population() < 3_500 ? 1 : p.population() < 50_000 ? (random.nextBoolean() ? 3 : 11) : (random.nextBoolean() ? 11 : 50);
            Hosting hosting = governance == Governance.SHADOW ? Hosting.NON_EU_CLOUD : Hosting.values()[random.nextInt(4)];
            usages.add(new UsageLife("usage-" + (i + 1), purpose, governance, hosting, risk, random.nextDouble() < 0.6 ? PublicationLevel.PUBLIC_REGISTER
                    : PublicationLevel.STATISTICS_ONLY, obstacles, services, start, first, 6 + random.nextInt(24), later, agents,
                    Math.round((5 + random.nextInt(60)) * scale * scale)));
        }
        return usages;
    }

    private List<Decl> declarations(int start, boolean monthly) {
        List<Decl> declarations = new ArrayList<>();
        LocalDate first = lastWeek.minusWeeks(WEEKS - 1);
        if (!monthly) {
            for (int w = start; w < WEEKS; w++) {
                if (random.nextDouble() < 0.03) {
                    continue; // a missed week: the SDK sends it late or never
                }
                LocalDate monday = first.plusWeeks(w);
                declarations.add(new Decl(monday, monday.plusWeeks(1), w, false));
            }
            return declarations;
        }
        LocalDate end = lastWeek.plusWeeks(1);
        for (LocalDate month = first.plusWeeks(start).withDayOfMonth(1); !month.plusMonths(1).isAfter(end); month = month.plusMonths(1)) {
            int week = (int) Math.min(WEEKS - 1, java.time.temporal.ChronoUnit.WEEKS.between(first, month.plusMonths(1).minusDays(1)));
            declarations.add(new Decl(month, month.plusMonths(1), week, true));
        }
        return declarations;
    }

    private void stocks(Place p, TimeGrain grain, LocalDate bucket, Decl d, List<UsageLife> usages) throws SQLException {
        for (UsageLife u : usages) {
            Maturity maturity = u.maturityAt(d.week());
            if (maturity == null) {
                continue;
            }
            row("stats_usage", grain.code(), bucket, p.siren(), u.id(), p.departement(), p.epci(), p.commune(), p.stratum().name(),
                    p.kind().name(), u.purpose().name(), maturity.name(), Stage.of(maturity).name(), u.governance().name(),
                    u.hosting().name(), u.risk().name(), u.publication().name(), u.agents());
            for (Obstacle o : u.obstacles()) {
                row("stats_usage_obstacle", grain.code(), bucket, p.siren(), u.id(), o.name());
            }
            for (Service s : u.services()) {
                row("stats_usage_service", grain.code(), bucket, p.siren(), u.id(), s.name());
            }
        }
    }

    private void flows(Place p, Decl d, List<UsageLife> usages, Map<List<Object>, long[]> monthlyActivity,
                       Map<List<Object>, long[]> monthlyIncidents) throws SQLException {
        LocalDate week = TimeGrain.WEEK.start(d.start());
        LocalDate month = TimeGrain.MONTH.start(d.start());
        for (UsageLife u : usages) {
            Maturity maturity = u.maturityAt(d.week());
            if (maturity == null || maturity == Maturity.ABANDONED || maturity == Maturity.IDEA) {
                continue;
            }
            long amount = u.weeklyActivity() * (d.monthly() ? 4 : 1) * (Stage.of(maturity) == Stage.IN_USE ? 2 : 1);
            List<Object> key = List.of(p, u, maturity, actionOf(u.purpose()));
            activityRow(List.of("W", week, key), amount);
            monthlyActivity.computeIfAbsent(List.of("M", month, key), k -> new long[1])[0] += amount;
        }
        if (random.nextDouble() < (d.monthly() ? 0.12 : 0.03)) {
            IncidentCategory category = IncidentCategory.values()[random.nextInt(IncidentCategory.values().length)];
            double s = random.nextDouble();
            Severity severity = s < 0.45 ? Severity.S0 : s < 0.8 ? Severity.S1 : s < 0.97 ? Severity.S2 : Severity.S3;
            long count = 1 + random.nextInt(3);
            List<Object> key = List.of(p, category, severity);
            incidentRow(List.of("W", week, key), count);
            monthlyIncidents.computeIfAbsent(List.of("M", month, key), k -> new long[1])[0] += count;
        }
    }

    private void activityRow(List<Object> key, long amount) {
        LocalDate bucket = (LocalDate) key.get(1);
        List<?> k = (List<?>) key.get(2);
        Place p = (Place) k.get(0);
        UsageLife u = (UsageLife) k.get(1);
        Maturity maturity = (Maturity) k.get(2);
        try {
            row("stats_activity", key.get(0), bucket, TimeGrain.QUARTER.start(bucket), TimeGrain.YEAR.start(bucket), p.siren(),
                    p.departement(), p.epci(), p.commune(), p.stratum().name(), p.kind().name(), u.id(), u.purpose().name(), maturity.name(),
                    Stage.of(maturity).name(), u.governance().name(), u.hosting().name(), u.risk().name(), u.publication().name(),
                    u.services().get(0).name(), k.get(3), amount);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void incidentRow(List<Object> key, long amount) {
        LocalDate bucket = (LocalDate) key.get(1);
        List<?> k = (List<?>) key.get(2);
        Place p = (Place) k.get(0);
        try {
            row("stats_incident", key.get(0), bucket, TimeGrain.QUARTER.start(bucket), TimeGrain.YEAR.start(bucket), p.siren(),
                    p.departement(), p.epci(), p.commune(), p.stratum().name(), p.kind().name(), ((IncidentCategory) k.get(1)).name(),
                    ((Severity) k.get(2)).name(), amount);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The collectivité as registered, and its public usages as its latest declaration states them. */
    private void register(Place p, Decl latest, List<UsageLife> usages) throws SQLException {
        row("collectivite", p.siren(), p.kind().name(), p.name(), p.insee(), null, p.population(), p.departement(), p.epci(), null,
                "2026-01-01T00:00:00Z");
        row("register_source", p.siren(), UUID.nameUUIDFromBytes(p.siren().getBytes(StandardCharsets.UTF_8)), latest.start(), 1,
                latest.end() + "T09:00:00Z", "sha256:" + "0".repeat(64));
        for (UsageLife u : usages) {
            Maturity maturity = u.maturityAt(latest.week());
            if (maturity == null || u.publication() != PublicationLevel.PUBLIC_REGISTER) {
                continue;
            }
            AiActAssessment aiAct = u.risk() == AiActRiskClass.HIGH ? new AiActAssessment(u.risk(), "5(a)", null, null, null)
                    : AiActAssessment.of(u.risk());
            AiUsage model = new AiUsage(u.id(), "Usage " + u.purpose().french().toLowerCase(), null, null, null, null, u.hosting(),
                    u.purpose(), u.services(), maturity, u.governance(), List.of(DataCategory.INTERNAL), AutomationLevel.AI_INFORMS,
                    aiAct, u.obstacles(), List.of(), u.publication());
            row("register_usage", p.siren(), u.id(), p.departement(), p.epci(), model.name(), u.risk().name(),
                    new String(ProtocolJson.write(model), StandardCharsets.UTF_8));
        }
    }

    private static String actionOf(Purpose purpose) {
        return switch (purpose) {
            case TRANSCRIPTION -> "TRANSCRIPTION";
            case TRANSLATION -> "TRANSLATION";
            case CITIZEN_CHATBOT -> "CHATBOT_CONVERSATION";
            case SUMMARISING -> "SUMMARY";
            case DOCUMENT_CLASSIFICATION -> "DOCUMENT_CLASSIFIED";
            case CODE_ASSISTANCE -> "CODE_SUGGESTION";
            case DECISION_SUPPORT -> "DECISION_SUPPORTED";
            case IMAGE_VIDEO -> "IMAGE_GENERATED";
            case DRAFTING -> "DOCUMENT_DRAFTED";
            default -> "PROMPT";
        };
    }

    private static final Purpose[] PURPOSES = Purpose.values();
    /** DRAFTING .. OTHER, as Purpose declares them: drafting first, as every survey finds. */
    private static final double[] PURPOSE_WEIGHTS = {35, 10, 5, 10, 10, 5, 5, 5, 3, 4, 5, 3};
    private static final Obstacle[] OBSTACLES = Obstacle.values();
    private static final double[] OBSTACLE_WEIGHTS = {25, 10, 20, 15, 5, 10, 10, 4, 1};

    private <T> T pick(T[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private void row(String table, Object... values) throws SQLException {
        Table t = tables.get(table);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                t.rows.append(',');
            }
            Object v = values[i];
            if (v != null) {
                String text = v.toString();
                if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
                    t.rows.append('"').append(text.replace("\"", "\"\"")).append('"');
                } else {
                    t.rows.append(text);
                }
            }
        }
        t.rows.append('\n');
        counts.merge(table, 1L, Long::sum);
        if (++t.pending >= FLUSH) {
            flush(table);
        }
    }

    private void flush(String table) throws SQLException {
        Table t = tables.get(table);
        if (t.pending == 0) {
            return;
        }
        try {
            copy.copyIn(t.copySql, new StringReader(t.rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
        t.rows.setLength(0);
        t.pending = 0;
    }
}
