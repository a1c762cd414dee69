package fr.observatoire.ia.plugin.cmis;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.spi.PluginException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A node of a repository's JSON answer and where it sits ({@code results[3].succinctProperties}), so that an
 * unexpected shape is reported by its place and its JSON type, never by its content (which may be a title or a name).
 */
final class Answer {
    /** ISO 8601 with the offset written {@code Z}, {@code +01:00} or, as Alfresco's REST API writes it, {@code +0000}. */
    private static final DateTimeFormatter ISO_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private final JsonNode node;
    private final String path;
    private final String source;

    private Answer(JsonNode node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    /** @param source what answered, for messages, e.g. "the CMIS query at https://…/browser" */
    static Answer root(JsonNode node, String source) {
        return new Answer(node, "", source);
    }

    Answer field(String name) throws PluginException {
        return optional(name).orElseThrow(() -> unexpected(child(name), "is missing"));
    }

    Optional<Answer> optional(String name) throws PluginException {
        if (!node.isObject()) {
            throw unexpected(path, "is " + type() + ", expected an object");
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new Answer(value, child(name), source));
    }

    /**
     * A property of a succinct property map by query name. A query with a join may answer it qualified by the
     * table's alias ({@code d.cmis:objectId}), so a name ending in {@code .<queryName>} is accepted too.
     */
    Answer property(String queryName) throws PluginException {
        Optional<Answer> exact = optional(queryName);
        if (exact.isPresent()) {
            return exact.get();
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().endsWith("." + queryName) && !entry.getValue().isNull()) {
                return new Answer(entry.getValue(), child(queryName), source);
            }
        }
        throw unexpected(child(queryName), "is missing");
    }

    List<Answer> elements() throws PluginException {
        if (!node.isArray()) {
            throw unexpected(path, "is " + type() + ", expected an array");
        }
        List<Answer> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new Answer(node.get(i), path + "[" + i + "]", source));
        }
        return elements;
    }

    boolean bool() throws PluginException {
        if (!node.isBoolean()) {
            throw unexpected(path, "is " + type() + ", expected true or false");
        }
        return node.booleanValue();
    }

    OptionalLong optionalLong() {
        return node.isIntegralNumber() && node.canConvertToLong() ? OptionalLong.of(node.longValue()) : OptionalLong.empty();
    }

    String text() throws PluginException {
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw unexpected(path, "is " + type() + ", expected a non-empty string");
        }
        return node.textValue();
    }

    /** A date as the browser binding sends it with {@code succinct=true}: milliseconds since the epoch. */
    Instant epochMillis() throws PluginException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw unexpected(path, "is " + type() + ", expected a date in epoch milliseconds (what succinct=true answers)");
        }
        try {
            return Instant.ofEpochMilli(node.longValue());
        } catch (RuntimeException e) {
            throw unexpected(path, "is a number out of the range of dates");
        }
    }

    /** A date as Alfresco's REST API sends it: ISO 8601 with an offset. */
    Instant isoDateTime() throws PluginException {
        if (!node.isTextual()) {
            throw unexpected(path, "is " + type() + ", expected an ISO 8601 date string");
        }
        try {
            return OffsetDateTime.parse(node.textValue(), ISO_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw unexpected(path, "is a string that is not an ISO 8601 date with an offset");
        }
    }

    /** An answer that does not have the shape the plugin relies on: permanent until the configuration or the server changes. */
    PluginException unexpected(String where, String problem) {
        return new PluginException("unexpected answer from " + source + ": " + (where.isEmpty() ? "the answer" : where) + " "
                + problem + "; check that " + CmisSettings.key("url") + " and " + CmisSettings.key("mode") + " match the repository");
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private String type() {
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "array", "object" -> "an " + type;
            default -> "a " + type;
        };
    }
}
