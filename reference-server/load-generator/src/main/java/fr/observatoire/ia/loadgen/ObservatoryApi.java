package fr.observatoire.ia.loadgen;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.DeclarationBatch;
import fr.observatoire.ia.protocol.messages.EnrolmentRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The calls the benchmark makes, over the JDK's HTTP client (HTTP/1.1, kept-alive connections). */
final class ObservatoryApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);

    private final URI server;
    private final String adminToken;
    private final HttpClient http;

    ObservatoryApi(URI server, String adminToken) {
        this.server = server;
        this.adminToken = adminToken;
        AtomicInteger threads = new AtomicInteger();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newCachedThreadPool(task -> {
                    Thread thread = new Thread(task, "loadgen-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    /** Registers the collectivité and enrols its key with the code the registration returned. */
    void registerAndEnrol(SyntheticCollectivite collectivite) throws IOException, InterruptedException {
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("kind", "SYNDICAT");
        registration.put("siren", collectivite.siren());
        registration.put("name", collectivite.name());
        HttpResponse<String> registered = send(HttpRequest.newBuilder(server.resolve("/api/v1/admin/collectivites"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ProtocolJson.write(registration))));
        require(registered, 201, "registration of " + collectivite.siren());
        String code = (String) ProtocolJson.mapper().readValue(registered.body(), Map.class).get("enrolmentCode");
        String enrolment = Jws.signWithEmbeddedKey(collectivite.key(), Jws.TYP_ENROLMENT,
                ProtocolJson.write(new EnrolmentRequest(collectivite.siren(), code, Instant.now())));
        require(send(jose("/api/v1/enrolments", enrolment)), 201, "enrolment of " + collectivite.siren());
    }

    /** Posts a declaration; returns the HTTP status (a network failure is reported as status 0). */
    int submit(String compactJws) {
        try {
            return send(jose("/api/v1/declarations", compactJws)).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Posts declarations as one batch; returns each one's status, in order (every one gets the request's status,
     * 0 for a network failure, when the batch as a whole was not answered 200).
     */
    int[] submitBatch(List<String> compactJwss) {
        int[] statuses = new int[compactJwss.size()];
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(server.resolve("/api/v1/declarations/batch"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(ProtocolJson.write(new DeclarationBatch(compactJwss)))));
            if (response.statusCode() != 200) {
                Arrays.fill(statuses, response.statusCode());
                return statuses;
            }
            readStatuses(response.body(), statuses);
        } catch (IOException e) {
            Arrays.fill(statuses, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Arrays.fill(statuses, 0);
        }
        return statuses;
    }

    /**
     * The results' statuses, read with the streaming parser: the receipts are the server's work to build, not
     * the generator's to decode, and decoding them would take CPU from the server it measures (same machine).
     */
    private static void readStatuses(String body, int[] statuses) throws IOException {
        try (JsonParser parser = ProtocolJson.mapper().getFactory().createParser(body)) {
            int item = -1;
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                    if (depth == 3 && token == JsonToken.START_OBJECT) {
                        item++;
                    } else if (depth > 3) {
                        parser.skipChildren();
                        depth--;
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.FIELD_NAME && depth == 3 && "status".equals(parser.currentName())) {
                    parser.nextToken();
                    if (item < statuses.length) {
                        statuses[item] = parser.getIntValue();
                    }
                }
            }
            if (item + 1 != statuses.length) {
                throw new IOException("the batch answer holds " + (item + 1) + " results for " + statuses.length + " declarations");
            }
        }
    }

    /** The public register, whose query first indexes every declaration stored: it answers once indexing has caught up. */
    void registryUsages() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/registry/usages")).timeout(CATCH_UP_TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        require(response, 200, "the register query");
    }

    private HttpRequest.Builder jose(String path, String body) {
        return HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", Jws.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void require(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
