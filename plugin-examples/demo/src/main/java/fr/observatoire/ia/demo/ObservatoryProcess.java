package fr.observatoire.ia.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference server, packaged by {@code mvn install} into {@code reference-server/target/quarkus-app},
 * started as a child process: the observatory is another party, reached over real HTTP.
 */
final class ObservatoryProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final URI baseUri;

    private ObservatoryProcess(Process process, Path log, URI baseUri) {
        this.process = process;
        this.log = log;
        this.baseUri = baseUri;
    }

    /**
     * @param serverProperties extra configuration of the server, as system properties (e.g. a PostgreSQL datasource)
     */
    static ObservatoryProcess start(Path serverJar, Path dataDir, int port, String adminToken, Map<String, String> serverProperties)
            throws IOException {
        if (!Files.isRegularFile(serverJar)) {
            throw new IOException("the observatory is not built: " + serverJar + " is missing. Run 'mvn -B -q install -DskipTests' first.");
        }
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("observatoire-server.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dobservatoire.data-dir=" + dataDir.toAbsolutePath());
        command.add("-Dobservatoire.admin.token=" + adminToken);
        serverProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(serverJar.toAbsolutePath().toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ObservatoryProcess(process, log, URI.create("http://127.0.0.1:" + port));
    }

    URI baseUri() {
        return baseUri;
    }

    Path log() {
        return log;
    }

    /** Waits until the server says it is ready, or fails with the end of its log. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the observatory stopped at start (exit code " + process.exitValue() + "):\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(baseUri.resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The port is not open yet.
            }
            Thread.sleep(250);
        }
        throw new IOException("the observatory was not ready after " + timeout.toSeconds() + " s:\n" + tail());
    }

    void waitFor() throws InterruptedException {
        process.waitFor();
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
