package fr.observatoire.ia.plugin.glpi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GLPI's paging header {@code Content-Range: first-last/total}. GLPI 11's v2 API writes {@code 0--1/0} for an
 * empty result (last = first + limit - 1, clamped to total - 1), so a negative last is accepted.
 *
 * @param first index of the first row of the page
 * @param last  index of the last row
 * @param total rows matching the query, all pages together
 */
record ContentRange(long first, long last, long total) {
    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,18})-(-?\\d{1,18})/(\\d{1,18})\\s*");

    static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(header);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
    }
}
