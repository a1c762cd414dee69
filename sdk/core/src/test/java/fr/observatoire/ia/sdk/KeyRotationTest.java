package fr.observatoire.ia.sdk;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.sdk.internal.sign.SigningKeyFile;
import fr.observatoire.ia.sdk.internal.store.EnrolmentTables;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.WithFakeObservatory;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key rollover: both keys sign, pending declarations are re-signed, and a stop at any point is recovered. */
class KeyRotationTest extends WithFakeObservatory {
    @Test
    void rotation_resigns_pending_declarations_keeping_their_hash_and_signs_the_next_with_the_new_key() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            String oldKid = sdk.enrol("GOOD").kid();
            StubMapping declarationsDown = declarationsDown();
            sdk.closePeriodNow();
            sdk.closePeriodNow();
            List<OutboxEntry> before = Sdks.outbox(dataDir);

            KeyRotation.Response response = sdk.rotateKey();

            String newKid = response.newKid();
            assertThat(response.oldKid()).isEqualTo(oldKid);
            assertThat(newKid).isNotEqualTo(oldKid);
            assertThat(sdk.status().enrolledKid()).isEqualTo(newKid);
            assertThat(observatory.keyState(oldKid)).isEqualTo("RETIRED");
            assertThat(observatory.keyState(newKid)).isEqualTo("ACTIVE");
            List<OutboxEntry> after = Sdks.outbox(dataDir);
            for (int i = 0; i < before.size(); i++) {
                OutboxEntry old = before.get(i);
                OutboxEntry resigned = after.get(i);
                assertThat(kid(resigned.jws())).isEqualTo(newKid);
                assertThat(resigned.payloadHash()).isEqualTo(old.payloadHash());
                assertThat(Hashes.declarationHash(Jws.parse(resigned.jws()).payload())).isEqualTo(old.payloadHash());
                assertThat(resigned.previousJws()).containsExactly(old.jws());
            }
            assertThat(SigningKey.fromJwk(jwk(dataDir.resolve(SigningKeyFile.FILE_NAME))).kid()).isEqualTo(newKid);
            assertThat(SigningKey.fromJwk(jwk(dataDir.resolve("signing-key." + oldKid + ".retired.jwk"))).kid()).isEqualTo(oldKid);
            assertThat(dataDir.resolve(SigningKeyFile.NEXT_FILE_NAME)).doesNotExist();

            observatory.server().removeStub(declarationsDown);
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().sentDeclarations()).isEqualTo(3);
            assertThat(sdk.status().alarms()).isEmpty();
        }
        List<Declaration> accepted = observatory.accepted();
        assertThat(accepted).extracting(Declaration::sequence).containsExactly(1L, 2L, 3L);
        assertThat(accepted.get(1).previousHash()).isEqualTo(Hashes.declarationHash(observatory.acceptedPayloads().get(0)));
        assertThat(accepted.get(2).previousHash()).isEqualTo(Hashes.declarationHash(observatory.acceptedPayloads().get(1)));
        String newKid = kid(observatory.acceptedJws().get(0));
        assertThat(observatory.acceptedJws()).extracting(KeyRotationTest::kid).containsOnly(newKid);
    }

    @Test
    void a_stop_between_the_observatorys_acceptance_and_the_local_switch_is_finished_at_the_next_start() throws Exception {
        SigningKey oldKey;
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            declarationsDown();
            sdk.closePeriodNow();
            oldKey = SigningKey.fromJwk(jwk(dataDir.resolve(SigningKeyFile.FILE_NAME)));
        }
        // What a crash right after the observatory's 201 leaves: the next key on disk, the rotation applied over there.
        SigningKey next = SigningKey.generate();
        new SigningKeyFile(dataDir).writeNext(next);
        assertThat(sendRollover(oldKey, next)).isEqualTo(201);
        observatory.server().resetRequests();
        observatory.server().resetScenarios();
        observatory.server().listAllStubMappings().getMappings().stream().filter(m -> m.getPriority() == 1)
                .forEach(observatory.server()::removeStub);

        try (ObservatoireSdk restarted = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            assertThat(restarted.flush(WAIT)).isTrue();
            assertThat(restarted.status().enrolledKid()).isEqualTo(next.kid());
            assertThat(restarted.status().sentDeclarations()).isEqualTo(1);
        }
        assertThat(observatory.acceptedJws()).singleElement().satisfies(jws -> assertThat(kid(jws)).isEqualTo(next.kid()));
        assertThat(observatory.server().findAll(postRequestedFor(urlPathEqualTo(FakeObservatory.ROTATIONS))))
                .as("the same rollover was sent again and answered 200").hasSize(1);
        assertThat(dataDir.resolve(SigningKeyFile.NEXT_FILE_NAME)).doesNotExist();
        assertThat(dataDir.resolve("signing-key." + oldKey.kid() + ".retired.jwk")).exists();
    }

    @Test
    void an_observatory_that_answers_the_repeated_rollover_with_key_retired_is_taken_as_having_applied_it() throws Exception {
        SigningKey oldKey;
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            oldKey = SigningKey.fromJwk(jwk(dataDir.resolve(SigningKeyFile.FILE_NAME)));
        }
        SigningKey next = SigningKey.generate();
        new SigningKeyFile(dataDir).writeNext(next);
        assertThat(sendRollover(oldKey, next)).isEqualTo(201);
        observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.ROTATIONS)).atPriority(1)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:observatoire-ia:problem:key-retired\",\"title\":\"t\",\"status\":403}")));

        try (ObservatoireSdk restarted = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            restarted.closePeriodNow();
            assertThat(restarted.flush(WAIT)).isTrue();
            assertThat(restarted.status().enrolledKid()).isEqualTo(next.kid());
        }
        assertThat(observatory.acceptedJws()).singleElement().satisfies(jws -> assertThat(kid(jws)).isEqualTo(next.kid()));
    }

    @Test
    void a_stop_after_the_local_transaction_but_before_the_file_switch_is_finished_without_the_network() throws Exception {
        SigningKey oldKey;
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            oldKey = SigningKey.fromJwk(jwk(dataDir.resolve(SigningKeyFile.FILE_NAME)));
        }
        SigningKey next = SigningKey.generate();
        new SigningKeyFile(dataDir).writeNext(next);
        assertThat(sendRollover(oldKey, next)).isEqualTo(201);
        Instant now = Instant.now();
        Sdks.store(dataDir).inTransaction(c -> {
            EnrolmentTables.save(c, new EnrolmentResponse(TestData.SIREN, next.kid(), now, null), now);
            EnrolmentTables.markRetired(c, oldKey.kid(), now);
            return null;
        });
        observatory.down();

        try (ObservatoireSdk restarted = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            assertThat(restarted.status().enrolledKid()).isEqualTo(next.kid());
        }
        assertThat(SigningKey.fromJwk(jwk(dataDir.resolve(SigningKeyFile.FILE_NAME))).kid()).isEqualTo(next.kid());
        assertThat(dataDir.resolve("signing-key." + oldKey.kid() + ".retired.jwk")).exists();
        assertThat(dataDir.resolve(SigningKeyFile.NEXT_FILE_NAME)).doesNotExist();
    }

    @Test
    void an_unanswered_rotation_keeps_the_next_key_and_finishes_by_itself_when_the_observatory_is_back() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            String oldKid = sdk.enrol("GOOD").kid();
            StubMapping rotationsDown = observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.ROTATIONS)).atPriority(1)
                    .willReturn(aResponse().withStatus(503)));
            assertThatThrownBy(sdk::rotateKey).isInstanceOfSatisfying(KeyOperationException.class,
                    e -> assertThat(e.slug()).isEqualTo("network-error")).hasMessageContaining(SigningKeyFile.NEXT_FILE_NAME);
            assertThat(sdk.status().enrolledKid()).isEqualTo(oldKid);
            assertThat(dataDir.resolve(SigningKeyFile.NEXT_FILE_NAME)).exists();

            observatory.server().removeStub(rotationsDown);
            sdk.closePeriodNow();
            assertThat(sdk.flush(WAIT)).isTrue();
            assertThat(sdk.status().enrolledKid()).isNotEqualTo(oldKid);
            assertThat(observatory.keyState(oldKid)).isEqualTo("RETIRED");
            assertThat(kid(observatory.acceptedJws().get(0))).isEqualTo(sdk.status().enrolledKid());
        }
    }

    @Test
    void a_refused_rotation_abandons_the_new_key_and_keeps_the_old_one() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            String oldKid = sdk.enrol("GOOD").kid();
            observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.ROTATIONS)).atPriority(1)
                    .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                            .withBody("{\"type\":\"urn:observatoire-ia:problem:signature-invalid\",\"title\":\"t\",\"status\":403}")));
            assertThatThrownBy(sdk::rotateKey).isInstanceOfSatisfying(KeyOperationException.class, e -> {
                assertThat(e.slug()).isEqualTo("signature-invalid");
                assertThat(e.status()).isEqualTo(403);
            }).hasMessageContaining(oldKid);
            assertThat(sdk.status().enrolledKid()).isEqualTo(oldKid);
            assertThat(dataDir.resolve(SigningKeyFile.NEXT_FILE_NAME)).doesNotExist();
        }
    }

    @Test
    void rotation_needs_an_enrolled_key() {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, clock, observatory.endpoint()).build()) {
            assertThatThrownBy(sdk::rotateKey).isInstanceOfSatisfying(KeyOperationException.class,
                    e -> assertThat(e.slug()).isEqualTo("not-enrolled"));
        }
    }

    private StubMapping declarationsDown() {
        return observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.DECLARATIONS)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
    }

    /** The rollover as the SDK sends it, posted by the test: the observatory's side of an interrupted rotation. */
    private int sendRollover(SigningKey oldKey, SigningKey newKey) throws Exception {
        String inner = Jws.signWithEmbeddedKey(newKey, Jws.TYP_KEY_ROTATION,
                ProtocolJson.write(new KeyRotation.Inner(TestData.SIREN, oldKey.kid(), Instant.now())));
        String outer = Jws.sign(oldKey, Jws.TYP_KEY_ROTATION, ProtocolJson.write(new KeyRotation.Request(inner)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(observatory.endpoint() + FakeObservatory.ROTATIONS))
                .header("Content-Type", Jws.MEDIA_TYPE).POST(HttpRequest.BodyPublishers.ofString(outer)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String kid(String jws) {
        try {
            return Jws.parse(jws).kid().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> jwk(Path file) throws Exception {
        return ProtocolJson.mapper().readValue(Files.readAllBytes(file), java.util.Map.class);
    }
}
