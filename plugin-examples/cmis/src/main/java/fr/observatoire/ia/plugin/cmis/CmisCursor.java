package fr.observatoire.ia.plugin.cmis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.observatoire.ia.spi.PluginException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where the next pull starts: the creation date of the last document counted, and the ids of every document
 * counted at that very millisecond. The next pull asks for documents created at or after that date and skips those
 * ids, so documents sharing the millisecond, including one created there after the pull, are counted exactly once.
 *
 * <p>Stored by the SDK together with the counts, as
 * {@code {"v":1,"createdAt":"2024-06-10T06:13:20.000Z","ids":["…"]}}: ids and a date, nothing about the content.
 */
record CmisCursor(Instant createdAt, SortedSet<String> ids) {
    private static final int VERSION = 1;

    CmisCursor {
        ids = new TreeSet<>(ids);
    }

    static CmisCursor of(Instant createdAt, Set<String> ids) {
        return new CmisCursor(createdAt, new TreeSet<>(ids));
    }

    /** Ids sorted, so that the same position always encodes the same way. */
    String encode() {
        ObjectNode node = RepositoryHttp.JSON.createObjectNode();
        node.put("v", VERSION).put("createdAt", createdAt.toString());
        ArrayNode array = node.putArray("ids");
        ids.forEach(array::add);
        try {
            return RepositoryHttp.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cursor that cannot be written", e);
        }
    }

    static Optional<CmisCursor> decode(Optional<String> stored) throws PluginException {
        if (stored.isEmpty() || stored.get().isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = RepositoryHttp.JSON.readTree(stored.get());
            JsonNode ids = node.path("ids");
            if (node.path("v").asInt() != VERSION || !node.path("createdAt").isTextual() || !ids.isArray()) {
                throw unreadable();
            }
            SortedSet<String> set = new TreeSet<>();
            for (JsonNode id : ids) {
                if (!id.isTextual()) {
                    throw unreadable();
                }
                set.add(id.textValue());
            }
            return Optional.of(new CmisCursor(Instant.parse(node.get("createdAt").textValue()), set));
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw unreadable();
        }
    }

    private static PluginException unreadable() {
        return new PluginException("the stored cursor of the cmis plugin is not one it wrote (expected {\"v\":1,\"createdAt\":…,\"ids\":[…]}); "
                + "it was left as it is: remove it to count again from " + CmisSettings.key("since") + " or from the beginning");
    }
}
