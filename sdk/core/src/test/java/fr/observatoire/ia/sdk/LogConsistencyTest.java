package fr.observatoire.ia.sdk;

import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.sdk.internal.store.LogTables;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.WithFakeObservatory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every new checkpoint must tell the same history as the last one verified; an observatory that forks is caught. */
class LogConsistencyTest extends WithFakeObservatory {
    @Test
    void consistent_successive_checkpoints_are_adopted() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            for (int i = 0; i < 3; i++) {
                // Other collectivités declare in between: the tree grows by more than our leaves.
                observatory.log().append(("other declaration " + i).getBytes());
                sdk.closePeriodNow();
                assertThat(sdk.flush(WAIT)).isTrue();
            }
            observatory.log().append("one more".getBytes());
            Checkpoint latest = sdk.checkLog();
            assertThat(latest.size()).isEqualTo(7);
            SdkStatus status = sdk.status();
            assertThat(status.sentDeclarations()).isEqualTo(3);
            assertThat(status.logCheckpoint().size()).isEqualTo(7);
            assertThat(status.logAlarm()).isNull();
            assertThat(status.alarms()).isEmpty();
        }
    }

    @Test
    void an_observatory_that_rewrites_its_log_raises_a_persistent_alarm_and_the_last_good_checkpoint_stays() throws Exception {
        Checkpoint good;
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();
            good = sdk.status().logCheckpoint();
            assertThat(good.size()).isEqualTo(2);

            // The observatory rewrites our first declaration out of its history, then takes the next one.
            observatory.log().rewrite(0, "a forged declaration".getBytes());
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();

            SdkStatus status = sdk.status();
            assertThat(status.logAlarm()).startsWith("L'observatoire a présenté deux versions incompatibles de son journal")
                    .contains("The observatory presented two incompatible versions of its transparency log")
                    .contains("from tree size 2 to 3");
            assertThat(status.logCheckpoint().size()).as("the inconsistent checkpoint is not adopted").isEqualTo(2);
            assertThat(status.logCheckpoint().rootHash()).isEqualTo(good.rootHash());
            assertThat(status.sentDeclarations()).as("its receipt still proves the observatory took it").isEqualTo(3);
            assertThatThrownBy(sdk::checkLog).isInstanceOfSatisfying(LogInconsistencyException.class, e -> {
                assertThat(e.trustedCheckpoint()).contains("\n2\n");
                assertThat(e.getMessage()).contains("deux versions incompatibles");
            });
        }
        assertThat(Sdks.store(dataDir).inTransaction(LogTables::inconsistencies)).isPositive();
        try (ObservatoireSdk restarted = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            assertThat(restarted.status().logAlarm()).as("persistent across restarts").isNotNull();
            assertThat(restarted.status().logCheckpoint().rootHash()).isEqualTo(good.rootHash());
        }
    }

    @Test
    void two_roots_for_the_same_size_are_an_inconsistency() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();
            String trusted = observatory.log().signedCheckpoint();

            observatory.log().rewrite(0, "another history".getBytes());
            assertThatThrownBy(sdk::checkLog).isInstanceOfSatisfying(LogInconsistencyException.class, e -> {
                assertThat(e.trustedCheckpoint()).isEqualTo(trusted);
                assertThat(e.presentedCheckpoint()).isEqualTo(observatory.log().signedCheckpoint());
                assertThat(e.getMessage()).contains("two different roots for the same tree size 1");
            });
            assertThat(sdk.status().logAlarm()).isNotNull();
        }
    }

    @Test
    void an_unavailable_consistency_proof_concludes_nothing_and_the_declaration_waits() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();
            var outage = observatory.server().stubFor(get(urlPathEqualTo(FakeObservatory.CONSISTENCY)).atPriority(1)
                    .willReturn(aResponse().withStatus(503)));
            sdk.closePeriodNow();
            assertThat(sdk.flush(Duration.ofMillis(500))).isFalse();
            assertThat(sdk.status().pendingDeclarations()).isEqualTo(1);
            assertThat(sdk.status().alarms()).isEmpty();
            assertThat(sdk.status().lastError()).contains("consistency proof");

            observatory.server().removeStub(outage);
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().logCheckpoint().size()).isEqualTo(2);
        }
    }
}
