package fr.observatoire.ia.testkit;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the fake observatory's tests: what any client in any language would send. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> postJws(FakeObservatory observatory, String path, String jws) throws IOException {
        return post(observatory, path, Jws.MEDIA_TYPE, jws.getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(10));
    }

    static HttpResponse<String> post(FakeObservatory observatory, String path, String contentType, byte[] body, Duration timeout)
            throws IOException {
        return send(HttpRequest.newBuilder(URI.create(observatory.baseUrl() + path)).timeout(timeout)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static HttpResponse<String> get(FakeObservatory observatory, String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(observatory.baseUrl() + path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** The problem of a refusal, checked to be served as application/problem+json. */
    static Problem problem(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE)) {
            throw new AssertionError("not a problem+json answer: HTTP " + response.statusCode() + " " + response.body());
        }
        try {
            return ProtocolJson.read(response.body().getBytes(StandardCharsets.UTF_8), Problem.class);
        } catch (Exception e) {
            throw new AssertionError("unreadable problem: " + response.body(), e);
        }
    }

    static <T> T json(HttpResponse<String> response, Class<T> type) {
        try {
            return ProtocolJson.read(response.body().getBytes(StandardCharsets.UTF_8), type);
        } catch (Exception e) {
            throw new AssertionError("unreadable " + type.getSimpleName() + ": HTTP " + response.statusCode() + " " + response.body(), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
