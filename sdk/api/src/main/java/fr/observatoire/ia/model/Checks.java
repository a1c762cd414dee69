package fr.observatoire.ia.model;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the records of the model; messages name the field so that a caller can act on them. */
final class Checks {
    private static final java.util.regex.Pattern USAGE_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private Checks() {
    }

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    static String requiredText(String value, String field, int maxLength) {
        required(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return optionalText(value, field, maxLength);
    }

    static String optionalText(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    /** Null becomes the empty list; the copy is unmodifiable and refuses null elements. */
    static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(field + " must not contain null");
            }
        }
        return List.copyOf(values);
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
        return value;
    }

    static String usageId(String value, String field) {
        requiredText(value, field, 64);
        if (!USAGE_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be lower-case letters, digits, '.', '_' or '-', was '" + value + "'");
        }
        return value;
    }
}
