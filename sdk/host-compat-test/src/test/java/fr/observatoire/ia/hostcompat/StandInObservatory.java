package fr.observatoire.ia.hostcompat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An observatory on the JDK's own HTTP server, so that the host's classpath holds nothing but the host's libraries
 * and the SDK. It verifies the enrolment proof and every declaration signature with the protocol classes inside
 * observatoire-sdk-all, and keeps the payloads it accepted.
 */
final class StandInObservatory implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, PublicJwk> keys = new ConcurrentHashMap<>();
    private final List<byte[]> accepted = new CopyOnWriteArrayList<>();

    StandInObservatory() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/enrolments", this::enrol);
        server.createContext("/api/v1/declarations", this::declare);
        server.createContext("/health", exchange -> answer(exchange, 200, Map.of("status", "UP")));
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<byte[]> accepted() {
        return List.copyOf(accepted);
    }

    private void enrol(HttpExchange exchange) throws IOException {
        try {
            ParsedJws jws = Jws.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
            jws.requireType(Jws.TYP_ENROLMENT);
            PublicJwk key = jws.embeddedJwk().orElseThrow();
            jws.verify(key);
            Map<?, ?> request = Jws.payload(jws, Map.class);
            keys.put(key.thumbprint(), key);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("siren", request.get("siren"));
            response.put("kid", key.thumbprint());
            response.put("enrolledAt", Instant.now().toString());
            response.put("declarationsUrl", endpoint() + "/api/v1/declarations");
            answer(exchange, 201, response);
        } catch (Exception e) {
            answer(exchange, 400, Map.of("type", "urn:observatoire-ia:problem:malformed-jws", "title", "refused", "status", 400,
                    "detail", String.valueOf(e.getMessage())));
        }
    }

    private void declare(HttpExchange exchange) throws IOException {
        try {
            ParsedJws jws = Jws.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
            jws.requireType(Jws.TYP_DECLARATION);
            PublicJwk key = keys.get(jws.kid().orElse(""));
            if (key == null) {
                throw new IllegalStateException("unknown key");
            }
            jws.verify(key);
            Declaration declaration = Jws.payload(jws, Declaration.class);
            accepted.add(jws.payload());
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("declarationId", declaration.id().toString());
            receipt.put("siren", declaration.declarant().siren());
            receipt.put("sequence", declaration.sequence());
            receipt.put("declarationHash", Hashes.declarationHash(jws.payload()));
            receipt.put("receivedAt", Instant.now().toString());
            answer(exchange, 201, receipt);
        } catch (Exception e) {
            answer(exchange, 422, Map.of("type", "urn:observatoire-ia:problem:invalid-declaration", "title", "refused",
                    "status", 422, "detail", String.valueOf(e.getMessage())));
        }
    }

    private static void answer(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] json = ProtocolJson.write(body);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
