package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.server.problem.ApiProblem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SirenQuotaTest {
    private final AtomicLong now = new AtomicLong();

    @Property
    void a_burst_is_allowed_then_exactly_the_refill_rate(@ForAll @IntRange(min = 1, max = 50) int burst,
                                                         @ForAll @IntRange(min = 1, max = 120) int perMinute) {
        SirenQuota quota = new SirenQuota(burst, perMinute, now::get);
        for (int i = 0; i < burst; i++) {
            assertThatCode(() -> quota.take("210600888")).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> quota.take("210600888")).isInstanceOfSatisfying(ApiProblem.class, problem ->
                assertRetryAfterAtMost(problem, 60 / perMinute + 1));

        now.addAndGet(TimeUnit.MINUTES.toNanos(1) / perMinute + 1);
        assertThatCode(() -> quota.take("210600888")).doesNotThrowAnyException();
        assertThatThrownBy(() -> quota.take("210600888")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void one_collectivite_over_its_quota_leaves_the_others_theirs() {
        SirenQuota quota = new SirenQuota(1, 1, now::get);
        quota.take("210600888");
        assertThatThrownBy(() -> quota.take("210600888")).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            org.assertj.core.api.Assertions.assertThat(problem.type().slug()).isEqualTo("rate-limited");
            org.assertj.core.api.Assertions.assertThat(problem.type().status()).isEqualTo(429);
            org.assertj.core.api.Assertions.assertThat(problem.getMessage()).contains("210600888", "retry in 60 s");
        });
        assertThatCode(() -> quota.take("200030195")).doesNotThrowAnyException();
    }

    @Test
    void a_burst_of_zero_turns_the_quota_off() {
        SirenQuota quota = new SirenQuota(0, 0, now::get);
        for (int i = 0; i < 10_000; i++) {
            quota.take("210600888");
        }
    }

    private static void assertRetryAfterAtMost(ApiProblem problem, long seconds) {
        long retryAfter = Long.parseLong(problem.headers().get("Retry-After"));
        org.assertj.core.api.Assertions.assertThat(retryAfter).isBetween(1L, seconds);
    }
}
