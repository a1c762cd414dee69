package fr.observatoire.ia.sdk;

import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.WithFakeObservatory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After a revocation nothing is signed until a new enrolment, which re-signs what is still pending. */
class KeyRevocationTest extends WithFakeObservatory {
    @Test
    void revocation_stops_signing_the_status_asks_for_a_new_code_and_enrolment_resumes_delivery() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            String oldKid = sdk.enrol("GOOD-1").kid();
            var declarationsDown = observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.DECLARATIONS)).atPriority(1)
                    .willReturn(aResponse().withStatus(503)));
            sdk.closePeriodNow();

            KeyRevocation revocation = sdk.revokeKey("poste compromis");

            assertThat(revocation.kid()).isEqualTo(oldKid);
            assertThat(observatory.keyState(oldKid)).isEqualTo("REVOKED");
            SdkStatus status = sdk.status();
            assertThat(status.enrolled()).isFalse();
            assertThat(status.alarm(Alarm.Kind.KEY_REVOKED).orElseThrow().message())
                    .contains("nouveau code d'enrôlement").contains("enrol(code)").contains(oldKid);
            assertThatThrownBy(sdk::closePeriodNow).isInstanceOf(IllegalStateException.class).hasMessageContaining("enrol");
            assertThatThrownBy(() -> sdk.revokeKey("again")).as("nothing left to revoke")
                    .isInstanceOfSatisfying(KeyOperationException.class, e -> assertThat(e.slug()).isEqualTo("not-enrolled"));
        }
        observatory.server().listAllStubMappings().getMappings().stream().filter(m -> m.getPriority() == 1)
                .forEach(observatory.server()::removeStub);
        observatory.server().resetRequests();
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            assertThat(sdk.status().enrolled()).as("still revoked after a restart").isFalse();
            assertThat(sdk.status().alarm(Alarm.Kind.KEY_REVOKED)).isPresent();
            assertThat(sdk.flush(Duration.ofMillis(300))).as("the pending declaration waits for a key").isFalse();
            assertThat(observatory.server().findAll(postRequestedFor(urlPathEqualTo(FakeObservatory.DECLARATIONS))))
                    .as("nothing is sent under the revoked key, even after a restart").isEmpty();
            String newKid = sdk.enrol("GOOD-2").kid();
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().alarms()).isEmpty();
            assertThat(sdk.status().sentDeclarations()).isEqualTo(1);
            assertThat(KeyRotationTest.kid(observatory.acceptedJws().get(0))).isEqualTo(newKid);
        }
        assertThat(dataDir.toFile().list()).anySatisfy(name -> assertThat(name).endsWith(".revoked.jwk"));
    }

    @Test
    void a_key_the_observatory_revoked_keeps_declarations_pending_and_asks_for_a_new_enrolment() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            String kid = sdk.enrol("GOOD-1").kid();
            observatory.revokeOnServer(kid);
            sdk.closePeriodNow();
            Sdks.await(() -> sdk.status().alarm(Alarm.Kind.KEY_REVOKED).isPresent(), WAIT);
            SdkStatus status = sdk.status();
            assertThat(status.pendingDeclarations()).isEqualTo(1);
            assertThat(status.quarantinedDeclarations()).isZero();
            assertThat(status.enrolled()).isFalse();

            sdk.enrol("GOOD-2");
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().sentDeclarations()).isEqualTo(1);
        }
        assertThat(Sdks.outbox(dataDir)).extracting(OutboxEntry::state).containsExactly(OutboxEntry.State.SENT);
    }
}
