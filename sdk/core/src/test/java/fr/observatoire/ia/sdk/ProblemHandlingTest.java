package fr.observatoire.ia.sdk;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.WithFakeObservatory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The refusals time or the SDK itself can fix stay pending; those only a person can fix are quarantined. */
class ProblemHandlingTest extends WithFakeObservatory {
    @Test
    void a_sequence_gap_is_retried_with_backoff_until_the_observatory_takes_it() throws Exception {
        refuseOnce("sequence-gap", 409);
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().sentDeclarations()).isEqualTo(1);
            assertThat(sdk.status().quarantinedDeclarations()).isZero();
            assertThat(sdk.status().alarms()).as("cleared once accepted").isEmpty();
        }
    }

    @Test
    void a_lasting_sequence_gap_keeps_the_declaration_pending_with_an_alarm() throws Exception {
        refuseAlways("sequence-gap", 409);
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            Sdks.await(() -> sdk.status().alarm(Alarm.Kind.SEQUENCE_GAP).isPresent(), WAIT);
            assertThat(sdk.status().pendingDeclarations()).isEqualTo(1);
            assertThat(sdk.status().alarm(Alarm.Kind.SEQUENCE_GAP).orElseThrow().message()).contains("contact the observatory");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chain-fork", "stale-sequence"})
    void a_diverged_chain_is_quarantined_with_what_to_do(String slug) throws Exception {
        refuseAlways(slug, 409);
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            Sdks.await(() -> sdk.status().quarantinedDeclarations() == 1 && sdk.status().lastError() != null, WAIT);
            assertThat(sdk.status().lastError()).contains(slug).contains("diverged").contains("contact the observatory")
                    .contains("Do not delete anything");
        }
        assertThat(Sdks.outbox(dataDir)).extracting(OutboxEntry::state).containsExactly(OutboxEntry.State.QUARANTINED);
    }

    @Test
    void a_declaration_issued_too_long_ago_is_quarantined() throws Exception {
        refuseAlways("issued-too-long-ago", 422);
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            Sdks.await(() -> sdk.status().quarantinedDeclarations() == 1 && sdk.status().lastError() != null, WAIT);
            assertThat(sdk.status().lastError()).contains("NTP");
        }
    }

    @Test
    void a_declaration_issued_in_the_future_waits_for_the_clock_and_the_status_says_to_fix_ntp() throws Exception {
        refuseOnce("issued-in-future", 422);
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            Sdks.await(() -> sdk.status().alarm(Alarm.Kind.CLOCK_AHEAD).isPresent() || sdk.status().sentDeclarations() == 1, WAIT);
            assertThat(sdk.status().quarantinedDeclarations()).isZero();
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().sentDeclarations()).isEqualTo(1);
        }
    }

    @Test
    void a_lasting_clock_problem_keeps_the_declaration_pending() throws Exception {
        refuseAlways("issued-in-future", 422);
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            Sdks.await(() -> sdk.status().alarm(Alarm.Kind.CLOCK_AHEAD).isPresent(), WAIT);
            assertThat(sdk.status().pendingDeclarations()).isEqualTo(1);
            assertThat(sdk.status().alarm(Alarm.Kind.CLOCK_AHEAD).orElseThrow().message()).contains("NTP").contains("horloge");
        }
    }

    @Test
    void a_retired_current_key_keeps_the_declaration_pending_and_asks_to_finish_the_rotation_or_enrol() throws Exception {
        refuseAlways("key-retired", 403);
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            Sdks.await(() -> sdk.status().alarm(Alarm.Kind.KEY_RETIRED).isPresent(), WAIT);
            assertThat(sdk.status().pendingDeclarations()).isEqualTo(1);
            assertThat(sdk.status().quarantinedDeclarations()).isZero();
            assertThat(sdk.status().alarm(Alarm.Kind.KEY_RETIRED).orElseThrow().message())
                    .contains("rotateKey()").contains("enrol(code)");
        }
    }

    private void refuseOnce(String slug, int status) {
        observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.DECLARATIONS)).atPriority(1)
                .inScenario(slug).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("accepting")
                .willReturn(problem(slug, status)));
    }

    private void refuseAlways(String slug, int status) {
        observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.DECLARATIONS)).atPriority(1).willReturn(problem(slug, status)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(String slug, int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", Problem.MEDIA_TYPE)
                .withBody(ProtocolJson.write(Problem.of(slug, slug, status, "detail of " + slug)));
    }
}
