package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PluginException;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * The plugin's cursor: every ticket opened before {@code openedBefore} (GLPI local time) has been counted, none
 * opened at or after it. Encoded {@code v1;opened-before=2025-01-06T10:00:00}, readable by a person checking
 * what the agent did.
 */
record OpeningCursor(LocalDateTime openedBefore) {
    private static final String PREFIX = "v1;opened-before=";
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    /** A cursor is our own text, but one damaged in storage is not echoed whole. */
    private static final int ECHO_LIMIT = 60;

    OpeningCursor {
        openedBefore = openedBefore.truncatedTo(ChronoUnit.SECONDS);
    }

    String encode() {
        return PREFIX + FORMAT.format(openedBefore);
    }

    static OpeningCursor decode(String text) throws PluginException {
        if (text != null && text.startsWith(PREFIX)) {
            try {
                return new OpeningCursor(LocalDateTime.parse(text.substring(PREFIX.length()), FORMAT));
            } catch (DateTimeParseException e) {
                // worded below
            }
        }
        String shown = text == null ? "null" : text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) + "…" : text;
        throw new PluginException("the stored GLPI cursor '" + shown + "' is not of the form " + PREFIX
                + "yyyy-MM-ddTHH:mm:ss; reset the plugin's cursor to start again from 'since'");
    }
}
