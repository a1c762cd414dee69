package fr.observatoire.ia.server.web;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies without trusting their size: at most the configured limit is kept in memory.
 * Bodies announced too large by Content-Length never get here ({@link OversizedBodyGuard}); this
 * catches the ones that do not announce their length (chunked).
 */
@ApplicationScoped
public class RequestBodies {
    /**
     * How much of an oversized body we still read (and discard) before answering. A client that sends
     * its whole body before reading the answer (most do) would otherwise see a reset connection instead
     * of our 413. Beyond this the connection is cut: such a body is an attack, not a mistake.
     */
    public static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final long maxBytes;

    @Inject
    public RequestBodies(BodyLimits limits) {
        this(limits.maxBytes());
    }

    RequestBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The whole body, or 413 payload-too-large once it passes the limit. */
    public byte[] read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                drain(body, DRAIN_LIMIT - bytes.length);
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            // The client went away or broke the framing: it will not read any answer, but say why anyway.
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "the request body could not be read to its end");
        }
    }

    /**
     * A compact JWS body: size first (413), then media type (415). A JWS is ASCII; surrounding whitespace
     * (the newline a file or {@code curl --data @file} adds) is dropped, anything else is left for the
     * JWS parser to refuse.
     */
    public String readJws(InputStream body, String contentType) {
        byte[] bytes = read(body);
        requireMediaType(contentType, Jws.MEDIA_TYPE);
        return new String(bytes, StandardCharsets.ISO_8859_1).strip();
    }

    public static ApiProblem tooLarge(long maxBytes) {
        return new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "the request body is larger than the " + maxBytes
                + " bytes this observatory accepts (observatoire.declaration.max-bytes)");
    }

    /** Refuses with 415 unless {@code contentType} is {@code expected} (parameters such as charset are ignored). */
    public static void requireMediaType(String contentType, String expected) {
        if (!sameType(contentType, MediaType.valueOf(expected))) {
            throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "send the body with 'Content-Type: " + expected + "', not '" + contentType + "'");
        }
    }

    private static boolean sameType(String contentType, MediaType expected) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType actual = MediaType.valueOf(contentType);
            return actual.getType().equalsIgnoreCase(expected.getType()) && actual.getSubtype().equalsIgnoreCase(expected.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void drain(InputStream body, long budget) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long left = budget;
        while (left > 0) {
            int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            left -= read;
        }
    }
}
