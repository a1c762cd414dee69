package fr.observatoire.ia.server.referential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StratumTest {

    @ParameterizedTest(name = "{0} inhabitants -> {1}")
    @CsvSource({
            "0, UNDER_500",
            "1, UNDER_500",
            "499, UNDER_500",
            "500, FROM_500_TO_3499",
            "3499, FROM_500_TO_3499",
            "3500, FROM_3500_TO_9999",
            "9999, FROM_3500_TO_9999",
            "10000, FROM_10000_TO_49999",
            "49999, FROM_10000_TO_49999",
            "50000, AT_LEAST_50000",
            "2103778, AT_LEAST_50000",
            "9223372036854775807, AT_LEAST_50000"
    })
    void boundaries(long population, Stratum expected) {
        assertThat(Stratum.of(population)).isEqualTo(expected);
        assertThat(expected.contains(population)).isTrue();
    }

    @Test
    void theLegalThresholdIsABoundary() {
        assertThat(Stratum.LEGAL_THRESHOLD).isEqualTo(3_500);
        assertThat(Stratum.of(Stratum.LEGAL_THRESHOLD - 1).atLeastLegalThreshold()).isFalse();
        assertThat(Stratum.of(Stratum.LEGAL_THRESHOLD).atLeastLegalThreshold()).isTrue();
        assertThat(Stratum.of(Stratum.LEGAL_THRESHOLD).min()).isEqualTo(Stratum.LEGAL_THRESHOLD);
    }

    @Test
    void strataAreContiguousFromZeroAndOrdered() {
        Stratum[] all = Stratum.values();
        assertThat(all[0].min()).isZero();
        assertThat(all[all.length - 1].max()).isEqualTo(Long.MAX_VALUE);
        for (int i = 1; i < all.length; i++) {
            assertThat(all[i].min()).as(all[i].name()).isEqualTo(all[i - 1].max() + 1);
        }
    }

    @Test
    void everyPopulationFallsInExactlyOneStratum() {
        for (long p = 0; p <= 60_000; p++) {
            long population = p;
            assertThat(Arrays.stream(Stratum.values()).filter(s -> s.contains(population)).count())
                    .as("population %d", p).isEqualTo(1);
        }
    }

    @Test
    void labels() {
        assertThat(Stratum.UNDER_500.labelFr()).isEqualTo("moins de 500 habitants");
        assertThat(Stratum.UNDER_500.labelEn()).isEqualTo("under 500 inhabitants");
        assertThat(Stratum.FROM_3500_TO_9999.labelFr()).isEqualTo("de 3 500 à 9 999 habitants");
        assertThat(Stratum.AT_LEAST_50000.labelFr()).isEqualTo("50 000 habitants et plus");
        assertThat(Arrays.stream(Stratum.values()).map(Stratum::labelFr).collect(Collectors.toSet()))
                .hasSize(Stratum.values().length);
        assertThat(Arrays.stream(Stratum.values()).map(Stratum::labelEn).collect(Collectors.toSet()))
                .hasSize(Stratum.values().length);
    }

    @Test
    void negativePopulationIsRejected() {
        assertThatThrownBy(() -> Stratum.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
