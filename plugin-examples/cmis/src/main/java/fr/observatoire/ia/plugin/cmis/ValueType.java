package fr.observatoire.ia.plugin.cmis;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How {@code marker.value} is written in the query: CMIS QL compares a boolean property with TRUE, not 'true'. */
enum ValueType {
    STRING, BOOLEAN, NUMBER;

    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,30}(\\.\\d{1,30})?");

    /** The type a value reads as when {@code marker.value-type} is not set. */
    static ValueType guess(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return BOOLEAN;
        }
        return DECIMAL.matcher(value).matches() ? NUMBER : STRING;
    }

    static Optional<ValueType> named(String name) {
        for (ValueType type : values()) {
            if (type.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The QL literal, or empty when the value is not of this type. */
    Optional<String> literal(String value) {
        return switch (this) {
            case STRING -> Optional.of(CmisQl.literal(value));
            case BOOLEAN -> guess(value) == BOOLEAN ? Optional.of(value.toUpperCase(Locale.ROOT)) : Optional.empty();
            case NUMBER -> DECIMAL.matcher(value).matches() ? Optional.of(value) : Optional.empty();
        };
    }
}
