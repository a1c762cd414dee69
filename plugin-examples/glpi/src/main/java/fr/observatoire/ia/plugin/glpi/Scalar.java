package fr.observatoire.ia.plugin.glpi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One value the plugin asked GLPI for, as it came: a number or a string (GLPI writes numbers either way), null,
 * or a composite (a multi-valued column), whose content is skipped and never read.
 *
 * @param token the JSON token
 * @param text  its text for numbers, strings and booleans; null otherwise
 */
record Scalar(JsonToken token, String text) {
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    /** A level or an id echoed in a message is a number this short; anything longer is not repeated. */
    private static final int ECHO_DIGITS = 9;

    /** Reads the value the parser is on; the parser is left on its last token. */
    static Scalar read(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return new Scalar(token, null);
        }
        return new Scalar(token, token.isScalarValue() && token != JsonToken.VALUE_NULL ? parser.getText() : null);
    }

    boolean isNull() {
        return token == JsonToken.VALUE_NULL;
    }

    boolean isText() {
        return token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT;
    }

    /** A whole number written as a JSON number or as a string of digits. */
    Optional<Long> wholeNumber() {
        if (!isText()) {
            return Optional.empty();
        }
        String digits = text.trim();
        return DIGITS.matcher(digits).matches() ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }

    /**
     * How a message may show this value: a short number as is, anything else by its kind only, since a value
     * that is not what GLPI should send could be anything, a name included.
     */
    String shown() {
        Optional<Long> number = wholeNumber();
        if (number.isPresent() && text.trim().length() <= ECHO_DIGITS) {
            return String.valueOf(number.get());
        }
        return switch (token) {
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number out of range";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "a list of values";
            case START_OBJECT -> "an object";
            default -> "a " + token.name().toLowerCase(Locale.ROOT).replace("value_", "");
        };
    }
}
