package fr.observatoire.ia.audit;

import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The observatory's public log endpoints ({@code /api/v1/log/checkpoint}, {@code /api/v1/log/entries}). */
final class HttpLogSource implements LogSource {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String server;

    HttpLogSource(String server) {
        this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    }

    @Override
    public String checkpoint() throws IOException {
        return get("/api/v1/log/checkpoint", "text/plain");
    }

    @Override
    public List<LogEntry> entries(long start, int limit) throws IOException {
        String body = get("/api/v1/log/entries?start=" + start + "&limit=" + limit, "application/json");
        try {
            return LogEntry.parsePage(ProtocolJson.mapper().readTree(body));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("entries from " + start + ": " + e.getMessage(), e);
        }
    }

    private String get(String path, String accept) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + path)).timeout(TIMEOUT).header("Accept", accept).GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + server + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }
}
