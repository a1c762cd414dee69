package fr.observatoire.ia.plugin.glpi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The error code of a GLPI error answer, the only part of an error body a message may repeat: a fixed
 * upper-case word such as {@code ERROR_WRONG_APP_TOKEN_PARAMETER} (legacy: {@code ["ERROR_…", "text"]};
 * v2: {@code {"status": "ERROR_…", …}}) or an OAuth2 error such as {@code invalid_client}. The free texts next to
 * them are never read.
 */
final class ErrorCodes {
    private static final Pattern GLPI_CODE = Pattern.compile("ERROR_[A-Z0-9_]{1,64}");
    private static final Pattern OAUTH_CODE = Pattern.compile("[a-z_]{1,40}");

    private ErrorCodes() {
    }

    static Optional<String> of(GlpiResponse response) {
        try (JsonParser parser = JsonRows.JSON.createParser(response.body())) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return matching(parser.nextToken() == JsonToken.VALUE_STRING ? parser.getText() : null, GLPI_CODE);
            }
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_STRING && name.equals("status")) {
                        return matching(parser.getText(), GLPI_CODE);
                    }
                    if (value == JsonToken.VALUE_STRING && name.equals("error")) {
                        return matching(parser.getText(), OAUTH_CODE);
                    }
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON (an HTML page…): no code to report.
        }
        return Optional.empty();
    }

    private static Optional<String> matching(String text, Pattern pattern) {
        return text != null && pattern.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }
}
