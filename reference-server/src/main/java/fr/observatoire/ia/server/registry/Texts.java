package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.Labelled;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers the exports share: French labels, lists, required fields. */
final class Texts {
    private Texts() {
    }

    static String fr(Labelled value) {
        return value == null ? null : value.french();
    }

    static String en(Labelled value) {
        return value == null ? null : value.english();
    }

    static List<String> fr(Collection<? extends Labelled> values) {
        return values.stream().map(Labelled::french).toList();
    }

    static List<String> en(Collection<? extends Labelled> values) {
        return values.stream().map(Labelled::english).toList();
    }

    static String url(URI uri) {
        return uri == null ? null : uri.toString();
    }

    /** A map that keeps insertion order and accepts nulls (a field of the standard left empty). */
    static Map<String, Object> fields() {
        return new LinkedHashMap<>();
    }

    /** The names of {@code required} whose value in {@code record} is null or blank. */
    static List<String> missing(Map<String, Object> record, String... required) {
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            Object value = record.get(name);
            if (value == null || value instanceof String s && s.isBlank()) {
                missing.add(name);
            }
        }
        return missing;
    }
}
