package fr.observatoire.ia.server.opendata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A column of an open dataset and its Table Schema field (frictionless specs, which data.gouv.fr validates).
 *
 * @param type one of {@code integer, number, string, date, boolean}
 */
public record Field(String name, String type, String title, String description, boolean required) {

    public static Field string(String name, String title, String description) {
        return new Field(name, "string", title, description, false);
    }

    public Field asRequired() {
        return new Field(name, type, title, description, true);
    }

    public Field as(String otherType) {
        return new Field(name, otherType, title, description, required);
    }

    /** The Table Schema descriptor of this field. */
    public Map<String, Object> descriptor() {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", name);
        field.put("type", type);
        if (type.equals("date")) {
            field.put("format", "default");
        }
        field.put("title", title);
        field.put("description", description);
        if (required) {
            field.put("constraints", Map.of("required", true));
        }
        return field;
    }
}
