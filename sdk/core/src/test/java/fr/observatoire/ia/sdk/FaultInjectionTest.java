package fr.observatoire.ia.sdk;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The observatory's first answer to a declaration is a fault; what then is sent, retried, quarantined and reported.
 * Complements {@link OutboxDeliveryTest} (observatory down across a restart, 429 with Retry-After, 422, a hanging
 * observatory at close).
 */
class FaultInjectionTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

    /** What the SDK must do with a fault. */
    enum Outcome {
        /** Kept in the outbox and sent again, the same bytes, until accepted; nothing is lost. */
        RETRIED,
        /** Retried after the delay the observatory asked for (Retry-After: 1 s, against a 20 ms backoff). */
        RETRIED_AFTER_ONE_SECOND,
        /** Refused for good: quarantined, later declarations go on and the next one reports the loss. */
        QUARANTINED
    }

    /** @param reported what the status's last error says, alternatives separated by '|' */
    record Fault(String name, ResponseDefinitionBuilder firstAnswer, Outcome outcome, String reported) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        return Stream.of(
                new Fault("connection reset", aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER),
                        Outcome.RETRIED, "cannot be reached"),
                new Fault("empty response", aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE),
                        Outcome.RETRIED, "cannot be reached"),
                new Fault("malformed response chunk", aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK),
                        Outcome.RETRIED, "cannot be reached"),
                new Fault("random data then close", aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE),
                        Outcome.RETRIED, "cannot be reached"),
                new Fault("response beyond the response timeout", aResponse().withStatus(201).withFixedDelay(3_000),
                        Outcome.RETRIED, "SocketTimeoutException"),
                new Fault("truncated receipt", aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"declarationId\":\"0195"), Outcome.RETRIED, "unreadable receipt"),
                new Fault("body shorter than its Content-Length", aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Content-Length", "400").withBody("{\"declarationId\":\"0195"), Outcome.RETRIED,
                        "unreadable receipt|cannot be reached"),
                new Fault("empty 200", aResponse().withStatus(200), Outcome.RETRIED, "unreadable receipt"),
                new Fault("500", aResponse().withStatus(500), Outcome.RETRIED, "HTTP 500"),
                new Fault("502", aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"), Outcome.RETRIED, "HTTP 502"),
                new Fault("503", aResponse().withStatus(503), Outcome.RETRIED, "HTTP 503"),
                new Fault("429", aResponse().withStatus(429), Outcome.RETRIED, "HTTP 429"),
                new Fault("408", aResponse().withStatus(408), Outcome.RETRIED, "HTTP 408"),
                new Fault("503 with Retry-After", aResponse().withStatus(503).withHeader("Retry-After", "1"),
                        Outcome.RETRIED_AFTER_ONE_SECOND, "HTTP 503"),
                new Fault("500 with Retry-After", aResponse().withStatus(500).withHeader("Retry-After", "1"),
                        Outcome.RETRIED_AFTER_ONE_SECOND, "HTTP 500"),
                new Fault("400 problem", problem(400, "malformed-jws", "the JWS has 2 parts"), Outcome.QUARANTINED, "HTTP 400"),
                new Fault("401 without body", aResponse().withStatus(401), Outcome.QUARANTINED, "HTTP 401"),
                new Fault("403 unknown key", problem(403, "unknown-key", "no key"), Outcome.QUARANTINED, "HTTP 403"));
    }

    @TempDir
    Path dataDir;
    FakeObservatory observatory;
    final MutableClock clock = new MutableClock(TestData.WEDNESDAY);

    @BeforeEach
    void start() {
        observatory = new FakeObservatory();
    }

    @AfterEach
    void stop() {
        observatory.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void the_first_answer_is_a_fault(Fault fault) throws Exception {
        observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.DECLARATIONS)).atPriority(1)
                .inScenario("fault").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("healed")
                .willReturn(fault.firstAnswer()));
        try (ObservatoireSdk sdk = sdk()) {
            sdk.enrol("GOOD");
            sdk.declareInventory(TestData.inventory("redaction"));
            sdk.activity("redaction", Service.FINANCE, ActionKind.PROMPT).add(7);
            Declaration first = sdk.closePeriodNow().declaration();
            assertThat(sdk.flush(WAIT)).as("nothing stays pending").isTrue();

            if (fault.outcome() == Outcome.QUARANTINED) {
                // The sender notes the refusal for the status just after the transaction that quarantines it.
                Sdks.await(() -> sdk.status().lastError() != null, WAIT);
            }
            List<LoggedRequest> requests = requests();
            SdkStatus status = sdk.status();
            assertThat(status.lastError()).containsAnyOf(fault.reported().split("\\|"));
            if (fault.outcome() == Outcome.QUARANTINED) {
                assertThat(requests).as("a refusal is not retried").hasSize(1);
                assertThat(observatory.accepted()).isEmpty();
                assertThat(status.quarantinedDeclarations()).isEqualTo(1);
                assertThat(status.lastError()).contains("quarantined");
                assertThat(Sdks.outbox(dataDir)).extracting(OutboxEntry::state).containsExactly(OutboxEntry.State.QUARANTINED);

                Declaration second = sdk.closePeriodNow().declaration();
                assertThat(second.provenance().losses()).containsExactly(new LossCount(LossReason.QUARANTINED_DECLARATION, "outbox", 1));
                assertThat(sdk.flush(WAIT)).isTrue();
                assertThat(observatory.accepted()).extracting(Declaration::sequence).containsExactly(2L);
                return;
            }
            assertThat(requests).as("sent again once the fault is gone").hasSize(2);
            assertThat(requests.get(1).getBodyAsString()).as("the same signed bytes").isEqualTo(requests.get(0).getBodyAsString());
            long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
            if (fault.outcome() == Outcome.RETRIED_AFTER_ONE_SECOND) {
                assertThat(gap).isGreaterThanOrEqualTo(950);
            } else {
                // The configured backoff (20 ms) applies; only a fault that takes time itself (a timeout) adds to it.
                assertThat(gap).isLessThan(RESPONSE_TIMEOUT.toMillis() + 900);
            }
            assertThat(observatory.accepted()).singleElement().satisfies(arrived -> {
                assertThat(arrived.id()).isEqualTo(first.id());
                assertThat(arrived.activity()).extracting(ActivityCount::count).containsExactly(7L);
            });
            assertThat(Sdks.outbox(dataDir)).singleElement().satisfies(entry -> {
                assertThat(entry.state()).isEqualTo(OutboxEntry.State.SENT);
                assertThat(entry.attempts()).isEqualTo(2);
            });
            assertThat(status.quarantinedDeclarations()).isZero();
            assertThat(sdk.closePeriodNow().declaration().provenance().losses()).as("a retried declaration is no loss").isEmpty();
        }
    }

    @Test
    void connection_refused_keeps_the_declaration_until_the_observatory_listens_again() throws Exception {
        try (ObservatoireSdk enrolling = sdk()) {
            enrolling.enrol("GOOD");
        }
        try (ObservatoireSdk refused = Sdks.builder(dataDir, clock, "http://127.0.0.1:" + FreePort.find()).build()) {
            refused.activity("redaction", Service.FINANCE, ActionKind.PROMPT).add(3);
            refused.closePeriodNow();
            assertThat(refused.flush(Duration.ofMillis(300))).isFalse();
            assertThat(refused.status().pendingDeclarations()).isEqualTo(1);
            assertThat(refused.status().lastError()).contains("cannot be reached", "Nothing is lost");
        }
        try (ObservatoireSdk back = sdk()) {
            assertThat(back.flush(WAIT)).isTrue();
        }
        assertThat(observatory.accepted()).extracting(Declaration::sequence).containsExactly(1L);
    }

    @Test
    void a_slow_observatory_within_the_response_timeout_is_simply_waited_for() throws Exception {
        observatory.server().setGlobalFixedDelay(1_500);
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint())
                .config(b -> b.http(new SdkConfig.Http(Duration.ofSeconds(1), Duration.ofSeconds(10), null, null, null, null, null)))
                .build()) {
            sdk.enrol("GOOD");
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();
        }
        assertThat(requests()).hasSize(1);
        assertThat(observatory.accepted()).hasSize(1);
    }

    private ObservatoireSdk sdk() {
        return Sdks.builder(dataDir, clock, observatory.endpoint())
                .config(b -> b.http(new SdkConfig.Http(Duration.ofSeconds(1), RESPONSE_TIMEOUT, null, null, null, null, null)))
                .build();
    }

    private List<LoggedRequest> requests() {
        return observatory.server().findAll(postRequestedFor(urlPathEqualTo(FakeObservatory.DECLARATIONS)));
    }

    private static ResponseDefinitionBuilder problem(int status, String slug, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", Problem.MEDIA_TYPE)
                .withBody(ProtocolJson.write(Problem.of(slug, slug, status, detail)));
    }

    /** A port nothing listens on: bound, then released. */
    static final class FreePort {
        static int find() throws java.io.IOException {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
