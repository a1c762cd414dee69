package fr.observatoire.ia.testkit;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.testing.SampleDeclarations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static fr.observatoire.ia.testkit.EnrolmentTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The failures a client must survive, on demand: what the SDK's retries and outbox are tested against. */
class FaultsTest {
    private final SigningKey key = SigningKey.generate();
    private String jws;

    @RegisterExtension
    final FakeObservatoryExtension extension = new FakeObservatoryExtension(
            FakeObservatory.builder().clock(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC)));

    @BeforeEach
    void enrol() {
        extension.get().enrol(SampleDeclarations.NICE, key.publicJwk());
        jws = Signed.declaration(key, SampleDeclarations.first(LocalDate.parse("2026-11-16")));
    }

    @Test
    void failNextAnswersTheStatusOnceWithRetryAfterWithoutProcessing(FakeObservatory observatory) throws Exception {
        observatory.failNext(503, Optional.of(Duration.ofMillis(6500)));
        observatory.failNext(500, Optional.empty());

        HttpResponse<String> unavailable = Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws);
        HttpResponse<String> error = Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws);
        HttpResponse<String> accepted = Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws);

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("7");
        assertProblem(error, 500, "internal-error");
        assertThat(error.headers().firstValue("Retry-After")).isEmpty();
        assertThat(accepted.statusCode()).as("failures are not processed: the first real submission creates").isEqualTo(201);
        assertThat(observatory.declarations()).hasSize(1);
    }

    @Test
    void downResetsEveryConnectionUntilUp(FakeObservatory observatory) throws Exception {
        observatory.down();

        assertThatThrownBy(() -> Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Http.get(observatory, FakeObservatory.LOG_KEY_PATH)).isInstanceOf(IOException.class);
        observatory.up();
        assertThat(Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws).statusCode()).isEqualTo(201);
    }

    @Test
    void delayHoldsEveryAnswer(FakeObservatory observatory) throws Exception {
        observatory.delay(Duration.ofMillis(1500));
        byte[] body = jws.getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Http.post(observatory, FakeObservatory.DECLARATIONS_PATH, "application/jose", body, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        observatory.delay(Duration.ZERO);
        long start = System.nanoTime();
        assertThat(Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws).statusCode())
                .as("the late request was processed; its retry gets the same receipt").isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void aLostAnswerLeavesTheDeclarationStoredAndTheRetryGetsTheSameReceipt(FakeObservatory observatory) throws Exception {
        observatory.loseNextAnswer();

        assertThatThrownBy(() -> Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws)).isInstanceOf(IOException.class);
        HttpResponse<String> retry = Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(Http.json(retry, Receipt.class)).isEqualTo(observatory.declarations().get(0).receipt());
    }

    @Test
    void awaitDeclarationsWaitsForLateArrivalsAndSaysWhatWasRefused(FakeObservatory observatory) throws Exception {
        CompletableFuture<Integer> late = CompletableFuture.supplyAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(300);
                return Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(observatory.awaitDeclarations(1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(late.get(5, TimeUnit.SECONDS)).isEqualTo(201);
        Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, Signed.declaration(SigningKey.generate(),
                SampleDeclarations.first(LocalDate.parse("2026-11-09"))));
        assertThatThrownBy(() -> observatory.awaitDeclarations(2, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("accepted 1 declaration").hasMessageContaining("unknown-key");
    }

    @Test
    void resetForgetsDeclarationsAndFailuresButKeepsKeys(FakeObservatory observatory) throws Exception {
        Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws);
        observatory.down();

        observatory.reset();

        assertThat(observatory.declarations()).isEmpty();
        assertThat(Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws).statusCode()).isEqualTo(201);
    }
}
