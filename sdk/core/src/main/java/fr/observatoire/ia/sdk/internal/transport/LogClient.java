package fr.observatoire.ia.sdk.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The observatory's public transparency-log endpoints the SDK reads: its key, its latest signed checkpoint and
 * consistency proofs. Nothing here is trusted: every answer is verified by the caller against the log key.
 * Any failure (network, HTTP status, shape) is an {@link IOException}: the caller cannot conclude anything from
 * it and tries later.
 */
public final class LogClient {
    static final String LOG_KEY = "/api/v1/log/key";
    static final String CHECKPOINT = "/api/v1/log/checkpoint";
    static final String CONSISTENCY = "/api/v1/log/proofs/consistency";

    private final HttpTransport http;
    private final URI endpoint;

    public LogClient(HttpTransport http, URI endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    /** The log's C2SP verifier key, as the observatory serves it. */
    public String logKey() throws IOException {
        return text(LOG_KEY).trim();
    }

    /** The latest signed checkpoint (note text and signature lines). */
    public String checkpoint() throws IOException {
        return text(CHECKPOINT);
    }

    /** The RFC 9162 consistency proof between two tree sizes: {@code {"from":n,"to":m,"proof":["base64",…]}}. */
    public List<byte[]> consistencyProof(long from, long to) throws IOException {
        HttpReply reply = ok(http.get(URI.create(endpoint + CONSISTENCY + "?from=" + from + "&to=" + to), "application/json"));
        JsonNode body;
        try {
            body = ProtocolJson.mapper().readTree(reply.body());
        } catch (IOException e) {
            throw new IOException("the consistency proof from " + from + " to " + to + " is not JSON: " + e.getMessage(), e);
        }
        if (body == null || body.path("from").asLong(-1) != from || body.path("to").asLong(-1) != to || !body.path("proof").isArray()) {
            throw new IOException("the observatory's answer is not the consistency proof from " + from + " to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        for (JsonNode hash : body.path("proof")) {
            proof.add(decode(hash.asText()));
        }
        return proof;
    }

    /** Standard base64 as C2SP writes hashes; base64url accepted too, since JSON APIs often use it. */
    private static byte[] decode(String text) throws IOException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IOException("a proof hash is not base64: " + text);
            }
        }
    }

    private String text(String path) throws IOException {
        return ok(http.get(URI.create(endpoint + path), "text/plain")).bodyText();
    }

    private HttpReply ok(HttpReply reply) throws IOException {
        if (reply.status() != 200) {
            throw new IOException("HTTP " + reply.status() + reply.problemSuffix());
        }
        return reply;
    }
}
