package fr.observatoire.ia.plugin.intranet;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormTokensTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final FormTokens tokens = new FormTokens(SECRET, clock, Duration.ofHours(2), new SecureRandom());

    @Test
    void a_token_is_accepted_once() {
        String token = tokens.issue();
        assertThat(tokens.isValid(token)).isTrue();
        assertThat(tokens.consume(token)).isTrue();
        assertThat(tokens.consume(token)).as("a resent form").isFalse();
        assertThat(tokens.consume(tokens.issue())).as("two forms issued in the same second differ").isTrue();
    }

    @Test
    void refuses_an_expired_token_and_one_from_the_future() {
        String token = tokens.issue();
        clock.now = clock.now.plus(Duration.ofHours(2)).plusSeconds(1);
        assertThat(tokens.consume(token)).isFalse();
        clock.now = Instant.parse("2026-03-02T08:50:00Z");
        assertThat(tokens.isValid(token)).as("issued ten minutes in the future").isFalse();
    }

    @Test
    void refuses_a_tampered_token_and_one_made_with_another_secret() {
        String token = tokens.issue();
        String[] parts = token.split("\\.");
        assertThat(tokens.isValid((Long.parseLong(parts[0]) + 3600) + "." + parts[1] + "." + parts[2])).isFalse();
        assertThat(tokens.isValid(parts[0] + "." + parts[1] + "x." + parts[2])).isFalse();
        assertThat(tokens.isValid(parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A")).isFalse();
        byte[] other = Arrays.copyOf(SECRET, SECRET.length);
        other[0] ^= 1;
        assertThat(new FormTokens(other, clock, Duration.ofHours(2), new SecureRandom()).isValid(token)).isFalse();
    }

    @Test
    void refuses_malformed_tokens_without_throwing() {
        for (String bad : new String[] {null, "", "abc", "1.2", "x.y.z", "1.2.3.4", "é.é.é", "9".repeat(200)}) {
            assertThat(tokens.consume(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void refuses_a_short_secret() {
        assertThatThrownBy(() -> new FormTokens(new byte[16], clock, Duration.ofHours(2), new SecureRandom()))
                .hasMessageContaining("32 bytes");
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
