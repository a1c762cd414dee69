package fr.observatoire.ia.demo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The observatory administrator's side of the demo: registering collectivités, reading what was accepted. */
final class AdminClient {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Named daemon threads: the client lives as long as the demo waits. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "demo-admin-http-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }))
            .build();
    private final URI baseUri;
    private final String token;

    AdminClient(URI baseUri, String token) {
        this.baseUri = baseUri;
        this.token = token;
    }

    /** Registers the collectivité and returns its one-time enrolment code. */
    String register(Declarant declarant) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", declarant.kind().name());
        body.put("siren", declarant.siren());
        body.put("inseeCode", declarant.inseeCode());
        body.put("uai", declarant.uai());
        body.put("name", declarant.name());
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(baseUri.resolve("/api/v1/admin/collectivites"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ProtocolJson.write(body)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer = ProtocolJson.mapper().readTree(response.body());
        if (response.statusCode() != 201) {
            throw new IOException("registering " + declarant.name() + " failed: " + response.statusCode() + " " + answer.path("detail").asText());
        }
        return answer.get("enrolmentCode").asText();
    }

    /** The compact JWS of an accepted declaration, as the observatory stored it (admin only). */
    String signedDeclaration(String declarationId) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(baseUri.resolve("/api/v1/admin/declarations/" + declarationId))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("reading declaration " + declarationId + " failed: " + response.statusCode());
        }
        return ProtocolJson.mapper().readTree(response.body()).get("jws").asText();
    }

    /** The accepted declarations, newest first, as the public API lists them. */
    JsonNode declarations() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(baseUri.resolve("/api/v1/declarations?limit=100")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("listing declarations failed: " + response.statusCode());
        }
        return ProtocolJson.mapper().readTree(response.body());
    }
}
