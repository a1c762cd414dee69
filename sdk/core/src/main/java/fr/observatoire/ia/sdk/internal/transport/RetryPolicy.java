package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.sdk.SdkConfig;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (a uniform draw between zero and the exponential cap), so that the
 * collectivités an observatory outage stopped do not all come back in the same second. The observatory's
 * {@code Retry-After} wins over the computed delay: it knows its load. There is no attempt limit.
 */
public final class RetryPolicy {
    /** A Retry-After beyond this is taken as a server mistake rather than a reason to go silent for longer. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final Duration initial;
    private final Duration max;
    private final double multiplier;
    private final DoubleSupplier random;

    public RetryPolicy(SdkConfig.Retry config, DoubleSupplier random) {
        this.initial = config.initialBackoff();
        this.max = config.maxBackoff();
        this.multiplier = config.multiplier();
        this.random = random;
    }

    /** The exponential cap for the {@code failures}-th consecutive failure (1 for the first). */
    public Duration cap(int failures) {
        double nanos = initial.toNanos() * Math.pow(multiplier, Math.max(0, failures - 1));
        return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }

    public Duration delay(int failures, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        return Duration.ofNanos((long) (cap(failures).toNanos() * random.getAsDouble()));
    }
}
