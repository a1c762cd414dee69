package fr.observatoire.ia.testkit;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.ProblemType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checks every signed request shares, in the protocol's order: body size, media type, JWS shape and
 * {@code crit}, {@code typ}; then, once the signature is verified, the payload as JSON of the expected shape.
 */
final class SignedBodies {
    /** The reference server's default (observatoire.declaration.max-bytes). */
    static final int MAX_BYTES = 1024 * 1024;

    private SignedBodies() {
    }

    /** A request body that passed the envelope checks: the compact JWS as sent (the log's leaf) and its parts. */
    record SignedRequest(String compact, ParsedJws jws) {
    }

    /** The parsed JWS of a request body, refused as the reference server would. */
    static SignedRequest parse(byte[] body, String contentType, String typ) {
        if (body.length > MAX_BYTES) {
            throw new Refusal(ProblemType.PAYLOAD_TOO_LARGE, "the request body is larger than the " + MAX_BYTES
                    + " bytes this observatory accepts (observatoire.declaration.max-bytes)");
        }
        if (!isJose(contentType)) {
            throw new Refusal(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body with 'Content-Type: " + Jws.MEDIA_TYPE + "', not '" + contentType + "'");
        }
        try {
            // A JWS is ASCII; the newline a file or curl adds is dropped, anything else is left to the parser.
            String compact = new String(body, StandardCharsets.ISO_8859_1).strip();
            ParsedJws jws = Jws.parse(compact);
            jws.requireType(typ);
            return new SignedRequest(compact, jws);
        } catch (JwsException e) {
            throw Refusal.of(e);
        }
    }

    /** The JSON payload decoded into {@code type}: not UTF-8 or not JSON is malformed-json, a wrong shape {@code invalid}. */
    static <T> T read(byte[] json, Class<T> type, ProblemType invalid) {
        requireJson(json);
        try {
            return ProtocolJson.read(json, type);
        } catch (InvalidJsonException e) {
            boolean notJson = e.getCause() instanceof JsonParseException || e.getCause() instanceof StreamConstraintsException;
            throw new Refusal(notJson ? ProblemType.MALFORMED_JSON : invalid, (notJson ? "not JSON: " : "") + e.getMessage());
        }
    }

    /** Refuses what is not UTF-8 JSON text (before the schema, which only sees JSON). */
    static void requireJson(byte[] json) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json));
        } catch (CharacterCodingException e) {
            throw new Refusal(ProblemType.MALFORMED_JSON, "the JSON document is not UTF-8");
        }
        JsonNode tree;
        try {
            tree = ProtocolJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new Refusal(ProblemType.MALFORMED_JSON, "not JSON: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new Refusal(ProblemType.MALFORMED_JSON, "the JSON document is empty");
        }
    }

    private static boolean isJose(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return type.equals(Jws.MEDIA_TYPE);
    }
}
