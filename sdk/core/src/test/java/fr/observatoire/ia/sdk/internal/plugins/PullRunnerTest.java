package fr.observatoire.ia.sdk.internal.plugins;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PullRunnerTest {
    @Test
    void aTransientFailureIsRetriedSoonerDoublingUpToTheInterval() {
        PullRunner runner = runner(Duration.ofMinutes(15));

        assertThat(runner.delayAfter(new PullRunner.Outcome(false, true, 1))).isEqualTo(Duration.ofSeconds(30));
        assertThat(runner.delayAfter(new PullRunner.Outcome(false, true, 2))).isEqualTo(Duration.ofMinutes(1));
        assertThat(runner.delayAfter(new PullRunner.Outcome(false, true, 5))).isEqualTo(Duration.ofMinutes(8));
        assertThat(runner.delayAfter(new PullRunner.Outcome(false, true, 6))).isEqualTo(Duration.ofMinutes(15));
        assertThat(runner.delayAfter(new PullRunner.Outcome(false, true, 1_000))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessOrAPermanentFailureWaitsTheInterval() {
        PullRunner runner = runner(Duration.ofMinutes(15));

        assertThat(runner.delayAfter(new PullRunner.Outcome(true, false, 0))).isEqualTo(Duration.ofMinutes(15));
        assertThat(runner.delayAfter(new PullRunner.Outcome(false, false, 3))).isEqualTo(Duration.ofMinutes(15));
        assertThat(runner(Duration.ofSeconds(10)).delayAfter(new PullRunner.Outcome(false, true, 1))).isEqualTo(Duration.ofSeconds(10));
    }

    private static PullRunner runner(Duration interval) {
        return new PullRunner(null, "fake", "1", interval, null, null, Clock.systemUTC());
    }
}
