package fr.observatoire.ia.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One leaf of the log as the observatory lists it: its data (a compact JWS, or the observatory's JSON statement of
 * a key event) when public, and otherwise only its leaf hash.
 *
 * @param data     the leaf data as text, or null when the observatory publishes only the hash
 * @param leafHash the leaf hash the observatory states, or null when it gives only the data
 */
record LogEntry(String kind, String data, byte[] leafHash) {

    /** The hash the tree is built from: recomputed from the data when there is data. */
    byte[] hash() {
        return data != null ? MerkleHashes.leafHash(data.getBytes(StandardCharsets.UTF_8)) : leafHash.clone();
    }

    /** False when the observatory states a leaf hash that is not the hash of the data it shows. */
    boolean hashMatchesData() {
        return data == null || leafHash == null || java.util.Arrays.equals(leafHash, hash());
    }

    /**
     * Reads a page: a JSON array whose items are either the leaf data as a string, or objects with {@code data}
     * and/or {@code leafHash} (base64) and an optional {@code kind}; an object wrapping it in {@code entries} too.
     */
    static List<LogEntry> parsePage(JsonNode page) {
        JsonNode items = page.isArray() ? page : page.path("entries");
        if (!items.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of entries");
        }
        List<LogEntry> entries = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.isTextual()) {
                entries.add(new LogEntry(null, item.asText(), null));
            } else if (item.isObject() && (item.hasNonNull("data") || item.hasNonNull("leafHash"))) {
                byte[] hash = item.hasNonNull("leafHash") ? Base64.getDecoder().decode(item.get("leafHash").asText()) : null;
                entries.add(new LogEntry(item.path("kind").asText(null), item.path("data").asText(null), hash));
            } else {
                throw new IllegalArgumentException("an entry is neither leaf data nor an object with 'data' or 'leafHash': " + item);
            }
        }
        return entries;
    }
}
