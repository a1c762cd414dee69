package fr.observatoire.ia.server.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV as RFC 4180 and data.gouv.fr read it: UTF-8, comma-separated, a header line, CRLF line ends, fields quoted
 * when they hold a comma, a quote or a line break. An empty field is a missing value; lists are joined with "; ".
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv;charset=utf-8";
    private static final String EOL = "\r\n";

    private Csv() {
    }

    public static String write(List<String> header, List<List<?>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        for (List<?> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " fields, the header " + header.size());
            }
            line(csv, row);
        }
        return csv.toString();
    }

    /** Nested maps as one level, keys joined with dots: {"tier_1": {"name": x}} becomes {"tier_1.name": x}. */
    public static Map<String, Object> flatten(Map<String, ?> nested) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", nested, flat);
        return flat;
    }

    private static void flatten(String prefix, Map<String, ?> nested, Map<String, Object> flat) {
        nested.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, ?> inner = (Map<String, ?>) map;
                flatten(prefix + key + ".", inner, flat);
            } else {
                flat.put(prefix + key, value);
            }
        });
    }

    private static void line(StringBuilder csv, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append(EOL);
    }

    static String field(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof Collection<?> list) {
            text = String.join("; ", list.stream().map(String::valueOf).toList());
        } else {
            text = String.valueOf(value);
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
