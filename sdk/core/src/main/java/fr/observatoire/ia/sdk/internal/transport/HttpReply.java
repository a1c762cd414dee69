package fr.observatoire.ia.sdk.internal.transport;

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
}
