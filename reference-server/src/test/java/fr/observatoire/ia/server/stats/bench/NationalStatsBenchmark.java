package fr.observatoire.ia.server.stats.bench;

import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.stats.TimeGrain;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's queries at national scale on PostgreSQL: generates a year of declarations for the whole of France
 * straight into the fact tables ({@link NationalFacts}), starts the packaged server on that database as a child
 * process, and times every request the dashboard makes, for France, a small and a large département, over HTTP.
 * Prints a Markdown section for docs/benchmarks.md.
 *
 * <p>Run it with {@code reference-server/scripts/stats-benchmark.sh} (options: {@code --url}, {@code --user},
 * {@code --password}, {@code --schema}, {@code --runs}, {@code --seed}, {@code --adoption} to multiply adoption rates for a
 * stress test, {@code --keep} to reuse generated data).
 */
public final class NationalStatsBenchmark {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private NationalStatsBenchmark() {
    }

    /** One request of the dashboard. */
    private record Request(String name, String path) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = options.getOrDefault("user", "postgres");
        String password = options.getOrDefault("password", "");
        String schema = options.getOrDefault("schema", "stats_bench");
        int runs = Integer.parseInt(options.getOrDefault("runs", "30"));
        long seed = Long.parseLong(options.getOrDefault("seed", "2026"));
        double adoption = Double.parseDouble(options.getOrDefault("adoption", "1"));
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;

        StringBuilder report = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(schemaUrl, user, password)) {
            if (!options.containsKey("keep") || !populated(connection, schema)) {
                generate(connection, schemaUrl, user, password, schema, seed, adoption, report);
            } else {
                report.append("Reused the data of schema ").append(schema).append(".\n");
            }
            report.append(rowCounts(connection));
        }
        Process server = startServer(schemaUrl, user, password);
        try {
            String base = "http://127.0.0.1:18089";
            awaitReady(base);
            report.append(timings(base, runs));
        } finally {
            server.destroy();
            server.waitFor();
        }
        System.out.println(report);
    }

    private static void generate(Connection connection, String schemaUrl, String user, String password, String schema, long seed,
                                 double adoption, StringBuilder report) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        Flyway.configure().dataSource(schemaUrl, user, password).schemas(schema).locations("classpath:db/migration").load().migrate();
        LocalDate lastWeek = LocalDate.now(PARIS).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).minusWeeks(1);
        long start = System.nanoTime();
        connection.setAutoCommit(false);
        Map<String, Long> rows = new NationalFacts(Referential.loadDefault(), seed, lastWeek, adoption).write(connection);
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        report.append("Generated 52 weeks ending the week of ").append(lastWeek).append(" (seed ").append(seed).append(", adoption ×").append(adoption).append("): ")
                .append(rows.values().stream().mapToLong(Long::longValue).sum()).append(" rows in ").append(seconds)
                .append(" s (COPY, one transaction, then ANALYZE).\n\n");
    }

    private static boolean populated(Connection connection, String schema) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + schema + ".stats_usage")) {
            return rows.next() && rows.getLong(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String rowCounts(Connection connection) throws SQLException {
        StringBuilder table = new StringBuilder("| table | rows |\n|---|---:|\n");
        for (String name : List.of("stats_usage", "stats_usage_obstacle", "stats_usage_service", "stats_activity", "stats_incident",
                "collectivite", "register_usage")) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + name)) {
                rows.next();
                table.append("| `").append(name).append("` | ").append(String.format("%,d", rows.getLong(1))).append(" |\n");
            }
        }
        return table.append('\n').toString();
    }

    /** The packaged server (reference-server/target/quarkus-app) on this database, as an operator runs it. */
    private static Process startServer(String schemaUrl, String user, String password) throws IOException {
        Path jar = Path.of("reference-server/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            jar = Path.of("target/quarkus-app/quarkus-run.jar");
        }
        Path data = Files.createTempDirectory("observatoire-bench");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=pg", "-Dquarkus.datasource.pg.jdbc.url=" + schemaUrl, "-Dquarkus.datasource.pg.username=" + user,
                "-Dquarkus.datasource.pg.password=" + password, "-Dquarkus.http.port=18089", "-Dobservatoire.data-dir=" + data,
                "-Dquarkus.log.level=WARN", "-jar", jar.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
    }

    private static void awaitReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not start in 60 s");
    }

    /** Every request the dashboard makes for a view (the current year), as dashboard.js builds them. */
    private static List<Request> dashboard(String where) {
        String year = TimeGrain.YEAR.format(TimeGrain.YEAR.start(LocalDate.now(PARIS)));
        String current = "&period=year&from=" + year + "&to=" + year + (where.isEmpty() ? "" : "&departement=" + where);
        String filter = where.isEmpty() ? "" : "&departement=" + where;
        List<Request> requests = new ArrayList<>(List.of(
                new Request("key figure: adoption", "/api/v1/stats?measure=adoption" + current),
                new Request("key figure: usages", "/api/v1/stats?measure=usages" + current),
                new Request("key figure: incidents", "/api/v1/stats?measure=incidents" + current),
                new Request("key figure: agents", "/api/v1/stats?measure=agents" + current),
                new Request("adoption by stratum", "/api/v1/stats?measure=adoption&by=stratum" + current),
                new Request("adoption by kind", "/api/v1/stats?measure=adoption&by=kind" + current),
                new Request("usages by purpose", "/api/v1/stats?measure=usages&by=purpose" + current),
                new Request("usages by maturity", "/api/v1/stats?measure=usages&by=maturity" + current),
                new Request("usages by governance", "/api/v1/stats?measure=usages&by=governance" + current),
                new Request("usages by obstacle", "/api/v1/stats?measure=usages&by=obstacle" + current),
                new Request("incidents by category and severity", "/api/v1/stats?measure=incidents&by=category,severity" + current),
                new Request("trend: adoption, 12 months", "/api/v1/stats?measure=adoption&period=month" + filter),
                new Request("trend: usages, 12 months", "/api/v1/stats?measure=usages&period=month" + filter)));
        if (where.isEmpty()) {
            requests.add(new Request("territory: adoption by département", "/api/v1/stats?measure=adoption&by=departement" + current));
        } else {
            requests.add(new Request("territory: adoption by EPCI", "/api/v1/stats?measure=adoption&by=epci" + current));
            requests.add(new Request("territory: communes and public usages", "/api/v1/registry/territory/" + where));
        }
        return requests;
    }

    private static String timings(String base, int runs) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        StringBuilder table = new StringBuilder("| view | request | p50 ms | p95 ms | max ms |\n|---|---|---:|---:|---:|\n");
        List<Long> all = new ArrayList<>();
        for (String[] view : List.of(new String[]{"France", ""}, new String[]{"Alpes-Maritimes (06)", "06"},
                new String[]{"Nord (59)", "59"})) {
            for (Request request : dashboard(view[1])) {
                HttpRequest get = HttpRequest.newBuilder(URI.create(base + request.path())).build();
                for (int i = 0; i < 3; i++) {
                    check(http.send(get, HttpResponse.BodyHandlers.ofString()), request);
                }
                long[] millis = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    check(http.send(get, HttpResponse.BodyHandlers.ofString()), request);
                    millis[i] = Duration.ofNanos(System.nanoTime() - start).toMillis();
                    all.add(millis[i]);
                }
                Arrays.sort(millis);
                table.append("| ").append(view[0]).append(" | ").append(request.name()).append(" | ").append(percentile(millis, 50))
                        .append(" | ").append(percentile(millis, 95)).append(" | ").append(millis[millis.length - 1]).append(" |\n");
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        table.append("\nAll requests: p50 ").append(percentile(sorted, 50)).append(" ms, p95 ").append(percentile(sorted, 95))
                .append(" ms, max ").append(sorted[sorted.length - 1]).append(" ms over ").append(sorted.length).append(" timed requests.\n");
        table.append("\nMachine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPU, ")
                .append(ManagementFactory.getOperatingSystemMXBean().getName()).append(' ')
                .append(ManagementFactory.getOperatingSystemMXBean().getVersion()).append(", Java ")
                .append(System.getProperty("java.version")).append("; ").append(ZonedDateTime.now(PARIS).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(".\n");
        return table.toString();
    }

    private static void check(HttpResponse<String> response, Request request) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.name() + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        return options;
    }
}
