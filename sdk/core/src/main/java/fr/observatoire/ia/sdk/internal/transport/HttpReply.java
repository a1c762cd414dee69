package fr.observatoire.ia.sdk.internal.transport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer, read entirely (bodies of this protocol are small; a cap protects from a hostile one).
 *
 * @param retryAfter the raw {@code Retry-After} header, or null
 */
public record HttpReply(int status, String contentType, String retryAfter, byte[] body) {
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isProblem() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/problem+json");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Worth trying again later: 408, 429, 5xx, or a status outside the ones this protocol uses. */
    public boolean isTransient() {
        return status == 408 || status == 429 || status >= 500 || status < 400;
    }

    /** The RFC 9457 problem in the body, read leniently (extension members are allowed), or null. */
    public Problem problem() {
        if (!isProblem() && (contentType == null || !contentType.contains("json"))) {
            return null;
        }
        try {
            return ProtocolJson.mapper().readerFor(Problem.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** " slug: detail" for messages, or "" when the body is no problem. */
    public String problemSuffix() {
        Problem problem = problem();
        if (problem == null) {
            return "";
        }
        return " " + problem.slug() + (problem.detail() == null ? "" : ": " + problem.detail());
    }
}
