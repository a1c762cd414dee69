package fr.observatoire.ia.plugin.glpi;

import com.fasterxml.jackson.core.JsonToken;
import fr.observatoire.ia.spi.PluginException;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one GLPI API names the ticket fields the plugin reads; decodes a row into a {@link TicketRow} and says
 * precisely what is wrong when it cannot.
 *
 * @param labels each wanted field key, with the words a message uses for it
 * @param id     key of the ticket id
 * @param level  key of the severity field
 * @param entity key of the entity's complete name
 * @param category key of the category id, null when the API does not return it
 * @param opened key of the opening date, null when the API does not return it
 * @param deleted key of the trash flag, null when the API does not return trashed tickets
 */
record RowSchema(Map<String, String> labels, String id, String level, String entity, String category, String opened,
                 String deleted) {
    private static final Pattern OFFSET = Pattern.compile(".*(Z|[+-]\\d{2}:?\\d{2})$");

    RowSchema {
        labels = Map.copyOf(labels);
    }

    /** Legacy search: columns are search option ids; the category and date are filtered by GLPI, not returned. */
    static RowSchema legacy(SeverityField severity) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(String.valueOf(GlpiFields.ID), "search option " + GlpiFields.ID + " (ticket id)");
        labels.put(String.valueOf(severity.searchOption()),
                "search option " + severity.searchOption() + " (" + severity.property() + ")");
        labels.put(String.valueOf(GlpiFields.ENTITY), "search option " + GlpiFields.ENTITY + " (entity)");
        return new RowSchema(labels, String.valueOf(GlpiFields.ID), String.valueOf(severity.searchOption()),
                String.valueOf(GlpiFields.ENTITY), null, null, null);
    }

    /**
     * v2: properties of the ticket. The category and opening date are returned too, and checked, because GLPI's
     * RSQL filter silently ignores a property it does not know instead of refusing the request.
     */
    static RowSchema v2(SeverityField severity) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String property : new String[] {GlpiFields.V2_ID, severity.property(), GlpiFields.V2_ENTITY,
                GlpiFields.V2_CATEGORY_ID, GlpiFields.V2_OPENED, GlpiFields.V2_DELETED}) {
            labels.put(property, "property '" + property + "'");
        }
        return new RowSchema(labels, GlpiFields.V2_ID, severity.property(), GlpiFields.V2_ENTITY,
                GlpiFields.V2_CATEGORY_ID, GlpiFields.V2_OPENED, GlpiFields.V2_DELETED);
    }

    Set<String> wanted() {
        return labels.keySet();
    }

    /** @param where which row of which answer, for the message */
    TicketRow decode(Map<String, Scalar> values, String where, ZoneId zone) throws PluginException {
        long ticket = whole(values, id, where);
        if (ticket <= 0) {
            throw unexpected(where, labels.get(id) + " is " + ticket + ", not a ticket id");
        }
        long severityLevel = whole(values, level, where);
        Scalar entityValue = present(values, entity, where);
        if (!entityValue.isNull() && !entityValue.isText()) {
            throw unexpected(where, labels.get(entity) + " is " + entityValue.shown() + ", not one entity name");
        }
        return new TicketRow(ticket, (int) Math.min(severityLevel, Integer.MAX_VALUE),
                entityValue.isNull() ? "" : entityValue.text(),
                category == null ? null : (int) Math.min(whole(values, category, where), Integer.MAX_VALUE),
                opened == null ? null : date(values, where, zone),
                deleted != null && flag(values, where));
    }

    private Scalar present(Map<String, Scalar> values, String key, String where) throws PluginException {
        Scalar value = values.get(key);
        if (value == null) {
            throw unexpected(where, labels.get(key) + " is missing, although the plugin asked for it;"
                    + " the GLPI account may lack the right to see it, or this GLPI version names it otherwise (see README)");
        }
        return value;
    }

    private long whole(Map<String, Scalar> values, String key, String where) throws PluginException {
        Scalar value = present(values, key, where);
        return value.wholeNumber().orElseThrow(() -> unexpected(where, labels.get(key) + " is " + value.shown()
                + ", not a whole number"));
    }

    /** A JSON boolean, or 0/1 as GLPI stores it. */
    private boolean flag(Map<String, Scalar> values, String where) throws PluginException {
        Scalar value = present(values, deleted, where);
        if (value.token() == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (value.token() == JsonToken.VALUE_FALSE) {
            return false;
        }
        long number = value.wholeNumber().filter(n -> n <= 1).orElseThrow(() -> unexpected(where, labels.get(deleted) + " is "
                + value.shown() + ", not true or false"));
        return number == 1;
    }

    /** GLPI writes "2025-01-06 10:00:00"; an RFC 3339 date with an offset is brought to GLPI's zone. */
    private LocalDateTime date(Map<String, Scalar> values, String where, ZoneId zone) throws PluginException {
        Scalar value = present(values, opened, where);
        if (value.token() == JsonToken.VALUE_STRING) {
            String text = value.text().trim().replace(' ', 'T');
            try {
                LocalDateTime date = OFFSET.matcher(text).matches()
                        ? OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDateTime()
                        : LocalDateTime.parse(text);
                return date.truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeException e) {
                // worded below
            }
        }
        throw unexpected(where, labels.get(opened) + " is not a date-time such as 2025-01-06 10:00:00");
    }

    static PluginException unexpected(String where, String what) {
        return new PluginException("GLPI's answer is not what the plugin expects (" + where + "): " + what);
    }
}
