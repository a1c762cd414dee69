package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.sdk.SdkConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryTest {
    private static final SdkConfig.Retry CONFIG = new SdkConfig.Retry(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0);

    @Test
    void the_cap_grows_exponentially_up_to_the_maximum() {
        RetryPolicy policy = new RetryPolicy(CONFIG, () -> 1.0);
        assertThat(policy.cap(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.cap(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.cap(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.cap(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(policy.cap(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.cap(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Property
    void full_jitter_stays_between_zero_and_the_cap(@ForAll @IntRange(min = 1, max = 100) int failures,
                                                    @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        RetryPolicy policy = new RetryPolicy(CONFIG, () -> random);
        Duration delay = policy.delay(failures, null);
        assertThat(delay).isBetween(Duration.ZERO, policy.cap(failures));
    }

    @Test
    void retry_after_wins_within_reason() {
        RetryPolicy policy = new RetryPolicy(CONFIG, () -> 0.0);
        assertThat(policy.delay(1, Duration.ofSeconds(42))).isEqualTo(Duration.ofSeconds(42));
        assertThat(policy.delay(1, Duration.ofDays(30))).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
    }

    @Test
    void retry_after_is_seconds_or_an_http_date() {
        Instant now = Instant.parse("2025-03-12T09:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Wed, 12 Mar 2025 09:01:30 GMT", now)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Wed, 12 Mar 2025 08:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
