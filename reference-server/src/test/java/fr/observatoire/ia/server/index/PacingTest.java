package fr.observatoire.ia.server.index;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PacingTest {

    @Property
    void whileDeclarationsArriveTheIndexerWorksItsShareOfTheTime(@ForAll @DoubleRange(min = 0.01, max = 1.0) double share,
                                                                  @ForAll @LongRange(min = 1_000, max = 200_000_000) long spentNanos) {
        Duration pause = new Pacing(share).pauseAfter(Duration.ofNanos(spentNanos), true);
        if (pause.equals(Pacing.MAX_PAUSE)) {
            assertThat(spentNanos / (double) (spentNanos + pause.toNanos())).isGreaterThanOrEqualTo(share);
        } else {
            assertThat(spentNanos / (double) (spentNanos + pause.toNanos())).isCloseTo(share, within(share * 1e-3)); // the pause is whole nanoseconds
        }
    }

    @Property
    void whenNothingArrivesTheIndexerNeverPauses(@ForAll @DoubleRange(min = 0.01, max = 1.0) double share,
                                                 @ForAll @LongRange(min = 0, max = 10_000_000_000L) long spentNanos) {
        assertThat(new Pacing(share).pauseAfter(Duration.ofNanos(spentNanos), false)).isZero();
    }

    @Test
    void aShareOfOneNeverPausesAndALongChunkPausesAtMostTheCap() {
        assertThat(new Pacing(1).pauseAfter(Duration.ofSeconds(5), true)).isZero();
        assertThat(new Pacing(0.1).pauseAfter(Duration.ofSeconds(10), true)).isEqualTo(Pacing.MAX_PAUSE);
        assertThat(new Pacing(0.1).pauseAfter(Duration.ofMillis(100), true)).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedWithTheSettingsName() {
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new Pacing(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("observatoire.index.busy-share");
        }
    }
}
