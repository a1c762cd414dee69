package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One AI feature of the host: requests whose path matches {@code pattern} (and whose method is {@code method}, when
 * given) count as one {@code action} of the usage {@code usageId} in {@code service}.
 *
 * <p>Patterns follow the servlet {@code url-pattern} rules a Jakarta EE developer already knows, matched against the
 * path inside the application (servlet path and path info, decoded): {@code /assistant/redaction} exactly,
 * {@code /assistant/redaction/*} for that path and everything under it, {@code *.transcrire} by extension.
 *
 * @param method  an HTTP method such as {@code POST}, or null for any
 * @param pattern the path pattern
 * @param usageId the usage of the collectivité's inventory this feature belongs to
 * @param service the collectivité's service it serves
 * @param action  the kind of action one request is
 */
public record UsageMapping(String method, String pattern, String usageId, Service service, ActionKind action) {
    /** The rule of the declaration model, checked here so a typo shows at deployment, not as a loss in a declaration. */
    private static final Pattern USAGE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern METHOD = Pattern.compile("[A-Z]{3,10}");

    public UsageMapping {
        if (method != null && !METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("the HTTP method must be upper-case letters such as POST, was '" + method + "'");
        }
        Objects.requireNonNull(pattern, "pattern");
        if (!isValidPattern(pattern)) {
            throw new IllegalArgumentException("the path pattern must be /exact/path, /prefix/* or *.extension, was '" + pattern + "'");
        }
        if (usageId == null || !USAGE_ID.matcher(usageId).matches()) {
            throw new IllegalArgumentException(
                    "the usage id must be lower-case letters, digits, '.', '_' or '-' (64 at most), was '" + usageId + "'");
        }
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
    }

    /**
     * Whether a request with this method, on this path inside the application, belongs to this feature. Runs on
     * every request of the host: compares regions in place rather than cutting strings, so it does not allocate.
     */
    public boolean matches(String requestMethod, String path) {
        if (method != null && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        if (pattern.startsWith("*.")) {
            // ".pdf" must end the last segment: "/a.pdf" matches "*.pdf", "/a.pdf/b" does not.
            int suffix = pattern.length() - 1;
            return path.length() > suffix && path.regionMatches(path.length() - suffix, pattern, 1, suffix)
                    && path.lastIndexOf('/') < path.length() - suffix;
        }
        if (pattern.endsWith("/*")) {
            int prefix = pattern.length() - 2;
            return path.regionMatches(0, pattern, 0, prefix)
                    && (path.length() == prefix || path.charAt(prefix) == '/');
        }
        return pattern.equals(path);
    }

    private static boolean isValidPattern(String pattern) {
        int star = pattern.indexOf('*');
        if (pattern.startsWith("*.")) {
            return pattern.length() > 2 && pattern.lastIndexOf('*') == 0 && pattern.indexOf('/') < 0;
        }
        return pattern.startsWith("/") && (star < 0 || star == pattern.length() - 1 && pattern.endsWith("/*"));
    }

    /**
     * How specific the pattern is, as in the servlet specification: an exact path beats any prefix, a longer prefix a
     * shorter one, a prefix an extension; then a mapping restricted to a method beats one for any method.
     */
    int specificity() {
        int kind;
        if (pattern.startsWith("*.")) {
            kind = 0;
        } else if (pattern.endsWith("/*")) {
            kind = 1_000 + pattern.length();
        } else {
            kind = 1_000_000;
        }
        return kind * 2 + (method == null ? 0 : 1);
    }

    /** The mapping in the file format, e.g. {@code POST /assistant/* -> redaction-courriers CIVIL_REGISTRY DOCUMENT_DRAFTED}. */
    @Override
    public String toString() {
        return (method == null ? "" : method + " ") + pattern + " -> " + usageId + " " + service + " " + action;
    }

    /** Reads one line of the file format; the method is case-insensitive, the enum names are the model's. */
    static UsageMapping parse(String line) {
        int arrow = line.indexOf("->");
        if (arrow < 0) {
            throw new IllegalArgumentException("expected '[METHOD] pattern -> usage-id SERVICE ACTION'");
        }
        String[] left = line.substring(0, arrow).trim().split("\\s+");
        String[] right = line.substring(arrow + 2).trim().split("\\s+");
        if (left.length > 2 || left[0].isEmpty() || right.length != 3) {
            throw new IllegalArgumentException("expected '[METHOD] pattern -> usage-id SERVICE ACTION'");
        }
        String method = left.length == 2 ? left[0].toUpperCase(Locale.ROOT) : null;
        String pattern = left[left.length - 1];
        return new UsageMapping(method, pattern, right[0], enumValue(Service.class, right[1]), enumValue(ActionKind.class, right[2]));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a " + type.getSimpleName() + ", one of "
                    + Arrays.toString(type.getEnumConstants()), e);
        }
    }
}
