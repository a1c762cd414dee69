package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PluginException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The small syntax of the plugin's settings. {@link fr.observatoire.ia.spi.PluginConfig} can read a key but not
 * list keys, and environment variables cannot hold an entity name in their key, so every map is one setting
 * holding {@code key:value} entries, e.g. {@code categories.incident=42:FACTUAL_ERROR;43:SECURITY}.
 */
final class ConfigSyntax {
    static final String PREFIX = "observatoire.plugins.glpi.";

    /** Entries of lists whose keys are numbers or words: both separators are accepted. */
    static final Pattern COMMA_OR_SEMICOLON = Pattern.compile("[;,]");
    /** Entries of lists whose keys are names that may hold a comma (GLPI entity names). */
    static final Pattern SEMICOLON = Pattern.compile(";");

    private ConfigSyntax() {
    }

    /** One {@code key:value} entry; {@code value} is null when the entry is a bare key. */
    record Entry(String key, String value) {
    }

    /**
     * Splits {@code text} into entries. The value is after the last ':', so that a key may hold ':' (an entity
     * named "DGS : pôle ressources") and a value, being an enum name or an id, never does.
     */
    static List<Entry> entries(String setting, String text, Pattern separator) throws PluginException {
        List<Entry> entries = new ArrayList<>();
        for (String part : separator.split(text)) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            String key = (colon < 0 ? part : part.substring(0, colon)).trim();
            String value = colon < 0 ? null : part.substring(colon + 1).trim();
            if (key.isEmpty() || (value != null && value.isEmpty())) {
                throw new PluginException("'" + PREFIX + setting + "' has an incomplete entry '" + part.trim()
                        + "': write key:value entries separated by '" + separatorName(separator) + "'");
            }
            entries.add(new Entry(key, value));
        }
        return entries;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String setting, String text) throws PluginException {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new PluginException("'" + PREFIX + setting + "' has '" + text.trim() + "', which is not one of " + allowed);
        }
    }

    /** A whole number in [min, max]; {@code what} names the setting for the message. */
    static int intIn(String what, String text, int min, int max) throws PluginException {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new PluginException("'" + PREFIX + what + "': '" + text.trim() + "' is not a whole number from "
                + min + " to " + max);
    }

    private static String separatorName(Pattern separator) {
        return separator == SEMICOLON ? ";" : "; or ,";
    }
}
