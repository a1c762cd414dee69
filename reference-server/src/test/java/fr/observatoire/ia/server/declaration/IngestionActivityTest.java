package fr.observatoire.ia.server.declaration;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class IngestionActivityTest {

    @Test
    void idleUntilTheLedgerWritesThenActiveForTheWindow() {
        IngestionActivity activity = new IngestionActivity();
        assertThat(activity.activeWithin(Duration.ofHours(1))).as("nothing written yet").isFalse();

        activity.wrote();

        assertThat(activity.activeWithin(Duration.ofHours(1))).isTrue();
        assertThat(activity.activeWithin(Duration.ofNanos(-1))).as("a window that ended before the write").isFalse();
    }
}
