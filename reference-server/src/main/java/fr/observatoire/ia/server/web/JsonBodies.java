package fr.observatoire.ia.server.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes JSON documents with the protocol's encoding and turns failures into problems: text that is not
 * JSON is 400 malformed-json; JSON of the wrong shape or with invalid values gets the caller's type,
 * with the model's message (it names the field).
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static <T> T read(byte[] json, Class<T> type, ProblemType invalid) {
        requireUtf8(json);
        return readUtf8(json, type, invalid);
    }

    /** As {@link #read}, for bytes the caller has already checked with {@link #requireUtf8}. */
    public static <T> T readUtf8(byte[] json, Class<T> type, ProblemType invalid) {
        if (isBlank(json)) {
            throw new ApiProblem(ProblemType.MALFORMED_JSON, "the JSON document is empty");
        }
        try {
            return ProtocolJson.read(json, type);
        } catch (InvalidJsonException e) {
            boolean notJson = e.getCause() instanceof JsonParseException || e.getCause() instanceof StreamConstraintsException;
            throw new ApiProblem(notJson ? ProblemType.MALFORMED_JSON : invalid,
                    (notJson ? "not JSON: " : "") + e.getMessage());
        }
    }

    /** JSON exchanged between systems is UTF-8 (RFC 8259 §8.1). */
    public static void requireUtf8(byte[] json) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json));
        } catch (CharacterCodingException e) {
            throw new ApiProblem(ProblemType.MALFORMED_JSON, "the JSON document is not UTF-8");
        }
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
