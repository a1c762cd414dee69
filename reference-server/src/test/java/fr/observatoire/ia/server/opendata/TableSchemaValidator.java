package fr.observatoire.ia.server.opendata;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small validator of a CSV file against its Table Schema (frictionless specs), for what data.gouv.fr checks and
 * our files use: the header names the fields in order; every value parses as its field's type ({@code integer},
 * {@code number}, {@code string}, {@code date} as YYYY-MM-DD, {@code boolean}); a required field is never empty;
 * an empty value is a missing value ({@code missingValues: [""]}). Returns the errors, empty when the file is valid.
 */
final class TableSchemaValidator {
    private TableSchemaValidator() {
    }

    static List<String> validate(String csv, Map<String, Object> schema) {
        List<String> errors = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) schema.get("fields");
        List<List<String>> rows = parse(csv, errors);
        if (rows.isEmpty()) {
            errors.add("no header line");
            return errors;
        }
        List<String> names = fields.stream().map(f -> (String) f.get("name")).toList();
        if (!rows.get(0).equals(names)) {
            errors.add("header " + rows.get(0) + " is not the schema's fields " + names);
            return errors;
        }
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != fields.size()) {
                errors.add("line " + (r + 1) + ": " + row.size() + " values for " + fields.size() + " fields");
                continue;
            }
            for (int i = 0; i < fields.size(); i++) {
                String error = check(fields.get(i), row.get(i));
                if (error != null) {
                    errors.add("line " + (r + 1) + ", " + names.get(i) + ": " + error);
                }
            }
        }
        return errors;
    }

    private static String check(Map<String, Object> field, String value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> constraints = (Map<String, Object>) field.getOrDefault("constraints", Map.of());
        if (value.isEmpty()) {
            return Boolean.TRUE.equals(constraints.get("required")) ? "required but empty" : null;
        }
        String type = (String) field.get("type");
        try {
            switch (type) {
                case "integer" -> Long.parseLong(value);
                case "number" -> Double.parseDouble(value);
                case "date" -> LocalDate.parse(value);
                case "boolean" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return "'" + value + "' is not a boolean";
                    }
                }
                case "string" -> {
                    // any text
                }
                default -> {
                    return "unknown type " + type;
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return "'" + value + "' is not a " + type;
        }
        return null;
    }

    /** RFC 4180: fields separated by commas, quoted when needed, lines ended by CRLF (a lone LF is accepted). */
    static List<List<String>> parse(String csv, List<String> errors) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            errors.add("unterminated quoted field");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
