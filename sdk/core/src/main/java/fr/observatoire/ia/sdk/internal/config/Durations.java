package fr.observatoire.ia.sdk.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as configuration values: ISO-8601 ({@code PT5S}) or a number and a unit ({@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h}, {@code 1d}). */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws IllegalArgumentException with a message saying what is accepted */
    public static Duration parse(String text) {
        String value = text.trim();
        Matcher matcher = SHORT.matcher(value.toLowerCase());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value.toUpperCase());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write it as ISO-8601 (PT5S, PT10M) or as"
                    + " a number and a unit (500ms, 5s, 10m, 1h, 1d)");
        }
    }
}
