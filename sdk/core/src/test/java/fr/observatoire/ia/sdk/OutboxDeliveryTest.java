package fr.observatoire.ia.sdk;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.WithFakeObservatory;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The outbox against an observatory that fails: down, overloaded, refusing, hanging. */
class OutboxDeliveryTest extends WithFakeObservatory {
    @Test
    void a_declaration_queued_while_the_observatory_is_down_survives_a_restart_and_arrives_exactly_once() throws Exception {
        ObservatoireSdk first = Sdks.builder(dataDir, clock, observatory.endpoint()).build();
        first.enrol("GOOD");
        first.declareInventory(TestData.inventory("redaction"));
        first.activity("redaction", Service.FINANCE, ActionKind.SUMMARY).add(9);
        observatory.down();
        first.closePeriodNow();
        assertThat(first.flush(Duration.ofMillis(300))).as("nothing can drain while the observatory is down").isFalse();
        SdkStatus down = first.status();
        assertThat(down.pendingDeclarations()).isEqualTo(1);
        assertThat(down.lastError()).contains("503").contains("Nothing is lost");
        first.close();
        first.close(); // idempotent

        observatory.up();
        try (ObservatoireSdk second = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            assertThat(second.flush(WAIT)).isTrue();
            assertThat(second.status().sentDeclarations()).isEqualTo(1);
        }
        assertThat(observatory.accepted()).hasSize(1);
        Declaration arrived = observatory.accepted().get(0);
        assertThat(arrived.sequence()).isEqualTo(1);
        assertThat(arrived.activity()).singleElement().satisfies(count -> assertThat(count.count()).isEqualTo(9));
        assertThat(Sdks.outbox(dataDir)).extracting(OutboxEntry::state).containsExactly(OutboxEntry.State.SENT);
    }

    @Test
    void retry_honours_retry_after() throws Exception {
        observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.DECLARATIONS)).atPriority(1)
                .inScenario("busy").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();
        }
        List<LoggedRequest> requests = observatory.server().findAll(postRequestedFor(urlPathEqualTo(FakeObservatory.DECLARATIONS)));
        assertThat(requests).hasSize(2);
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        // The configured backoff is 20 ms; the observatory asked for 1 s.
        assertThat(gap).isGreaterThanOrEqualTo(950);
        assertThat(observatory.accepted()).hasSize(1);
    }

    @Test
    void a_refused_declaration_is_quarantined_without_blocking_the_next_which_reports_the_loss() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            // Both declarations are queued before the observatory answers, so the refusal of the first meets the second in the outbox.
            observatory.down();
            sdk.closePeriodNow();
            sdk.closePeriodNow();
            observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.DECLARATIONS)).atPriority(1)
                    .inScenario("refuse-first").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("accepting")
                    .willReturn(aResponse().withStatus(422).withHeader("Content-Type", Problem.MEDIA_TYPE)
                            .withBody(ProtocolJson.write(Problem.of("invalid-declaration", "Déclaration invalide", 422,
                                    "activity[0].count is negative")))));
            observatory.up();
            assertThat(sdk.flush(WAIT)).isTrue();

            SdkStatus status = sdk.status();
            assertThat(status.quarantinedDeclarations()).isEqualTo(1);
            assertThat(status.sentDeclarations()).isEqualTo(1);
            assertThat(status.lastError()).contains("invalid-declaration").contains("activity[0].count is negative")
                    .contains("quarantined").contains("upgrade the SDK");
            assertThat(status.lossesSoFar()).containsExactly(new LossCount(LossReason.QUARANTINED_DECLARATION, "outbox", 1));

            Declaration third = sdk.closePeriodNow().declaration();
            assertThat(third.provenance().losses()).containsExactly(new LossCount(LossReason.QUARANTINED_DECLARATION, "outbox", 1));
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().lossesSoFar()).isEmpty();
        }
        assertThat(observatory.accepted()).extracting(Declaration::sequence).containsExactly(2L, 3L);
        assertThat(Sdks.outbox(dataDir)).extracting(OutboxEntry::state)
                .containsExactly(OutboxEntry.State.QUARANTINED, OutboxEntry.State.SENT, OutboxEntry.State.SENT);
    }

    @Test
    void close_is_bounded_when_the_observatory_hangs_and_the_declaration_stays_pending() throws Exception {
        observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.DECLARATIONS)).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(20_000)));
        ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint())
                .config(b -> b.shutdownTimeout(Duration.ofMillis(300))).build();
        sdk.enrol("GOOD");
        sdk.closePeriodNow();
        Sdks.await(() -> !observatory.server().findAll(postRequestedFor(urlPathEqualTo(FakeObservatory.DECLARATIONS))).isEmpty(), WAIT);

        long start = System.nanoTime();
        sdk.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(Sdks.outbox(dataDir)).extracting(OutboxEntry::state).containsExactly(OutboxEntry.State.PENDING);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("observatoire-sender");
    }
}
