package fr.observatoire.ia.protocol.messages;

/**
 * An RFC 9457 problem detail, as the observatory sends it with {@code application/problem+json}.
 * {@code type} is {@value #TYPE_PREFIX} followed by the stable slug of a {@link ProblemType} (docs/problems.md).
 */
public record Problem(String type, String title, int status, String detail, String instance) {
    public static final String TYPE_PREFIX = "urn:observatoire-ia:problem:";
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null);
    }

    /** The slug of {@link #type}, or the whole type if it is not one of ours. */
    public String slug() {
        return type != null && type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }
}
