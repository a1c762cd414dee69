package fr.observatoire.ia.plugin.glpi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the few fields the plugin wants from GLPI's JSON with a streaming parser. GLPI adds fields nobody asked for
 * (the legacy search always returns the ticket title, the v2 API returns the whole ticket with its text and team);
 * their values are skipped token by token and never decoded into a Java string, so the plugin does not hold them
 * even for a moment beyond the response buffer.
 */
final class JsonRows {
    /** Parse errors must not quote GLPI's answer: the source is left out of error locations. */
    static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

    private JsonRows() {
    }

    /**
     * Reads the object the parser is on (its START_OBJECT), keeping the values at {@code wanted} paths
     * ({@code "2"}, {@code "category.id"}); the parser is left on its END_OBJECT.
     */
    static Map<String, Scalar> readObject(JsonParser parser, Set<String> wanted) throws IOException {
        Map<String, Scalar> values = new HashMap<>();
        readInto(parser, "", wanted, values);
        return values;
    }

    private static void readInto(JsonParser parser, String prefix, Set<String> wanted, Map<String, Scalar> values) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String path = prefix + parser.currentName();
            JsonToken token = parser.nextToken();
            if (wanted.contains(path)) {
                values.put(path, Scalar.read(parser, token));
            } else if (token == JsonToken.START_OBJECT && leadsToWanted(path, wanted)) {
                readInto(parser, path + ".", wanted, values);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static boolean leadsToWanted(String path, Set<String> wanted) {
        String prefix = path + ".";
        for (String w : wanted) {
            if (w.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
