package fr.observatoire.ia.plugin.cmis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The only place where text becomes CMIS QL. Configured values are either checked identifiers (type, aspect and
 * property query names, which QL cannot quote) or escaped string literals, so no value can change a query's shape.
 */
final class CmisQl {
    /**
     * A query name CMIS QL accepts unquoted: a letter or underscore, then letters, digits, '_', ':' or '.'
     * ({@code D:ia:document}, {@code ia:generated}, {@code File}). A hyphen would read as a minus sign.
     */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_:.]{0,127}");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CmisQl() {
    }

    static boolean isIdentifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches();
    }

    /** A string literal: CMIS 1.1 (2.1.14.2.4.2) escapes a quote and a backslash inside one with a backslash. */
    static String literal(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 8).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('\'').toString();
    }

    /** A datetime literal, in UTC with milliseconds: the precision repositories store creation dates with. */
    static String timestamp(Instant instant) {
        return "TIMESTAMP '" + TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS)) + "'";
    }
}
