package fr.observatoire.ia.sdk.internal.transport;

import org.apache.hc.client5.http.utils.DateUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The {@code Retry-After} header (RFC 9110 §10.2.3): a number of seconds or an HTTP date. */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        Instant date = DateUtils.parseStandardDate(trimmed);
        if (date == null) {
            return Optional.empty();
        }
        Duration until = Duration.between(now, date);
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
    }
}
