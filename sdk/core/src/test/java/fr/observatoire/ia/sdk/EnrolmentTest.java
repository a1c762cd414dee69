package fr.observatoire.ia.sdk;

import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.sdk.internal.sign.SigningKeyFile;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrolmentTest {
    @TempDir
    Path dataDir;
    FakeObservatory observatory;

    @BeforeEach
    void start() {
        observatory = new FakeObservatory();
    }

    @AfterEach
    void stop() {
        observatory.close();
    }

    @Test
    void enrolment_creates_a_private_key_once_and_proves_possession() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), observatory.endpoint()).build()) {
            assertThat(sdk.status().enrolled()).isFalse();
            EnrolmentResponse response = sdk.enrol("GOOD-1");
            assertThat(response.siren()).isEqualTo(TestData.SIREN);
            assertThat(sdk.status().enrolledKid()).isEqualTo(response.kid());
            assertThat(observatory.enrolledKey(response.kid())).isNotNull();
            Path keyFile = dataDir.resolve(SigningKeyFile.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(Files.readString(keyFile)).contains("\"d\"");
            // Idempotent retry: same key, the observatory answers 200.
            assertThat(sdk.enrol("GOOD-1").kid()).isEqualTo(response.kid());
        }
        try (ObservatoireSdk restarted = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), observatory.endpoint()).build()) {
            assertThat(restarted.status().enrolled()).as("enrolment survives a restart").isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "403, enrolment-code-invalid, Le code d'enrôlement est inconnu ou a expiré / The enrolment code is unknown or expired",
            "409, enrolment-code-used, This enrolment code was already used",
            "410, enrolment-code-expired, The enrolment code has expired",
            "400, weak-key, refused the signing key as weak"})
    void refusals_become_enrolment_exceptions_a_dsi_can_act_on(int status, String slug, String sentence) {
        observatory.server().stubFor(post(urlPathEqualTo(FakeObservatory.ENROLMENTS)).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", Problem.MEDIA_TYPE)
                        .withBody(ProtocolJson.write(Problem.of(slug, slug, status, "detail from the observatory")))));
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), observatory.endpoint()).build()) {
            assertThatThrownBy(() -> sdk.enrol("CODE"))
                    .isInstanceOfSatisfying(EnrolmentException.class, e -> {
                        assertThat(e.slug()).isEqualTo(slug);
                        assertThat(e.status()).isEqualTo(status);
                        assertThat(e.detail()).isEqualTo("detail from the observatory");
                    })
                    .hasMessageContaining(sentence);
            assertThat(sdk.status().enrolled()).isFalse();
        }
    }

    @Test
    void an_unreachable_observatory_is_a_network_error_naming_the_keys_to_check() {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9").build()) {
            assertThatThrownBy(() -> sdk.enrol("GOOD"))
                    .isInstanceOfSatisfying(EnrolmentException.class, e -> assertThat(e.slug()).isEqualTo("network-error"))
                    .hasMessageContaining("observatoire.endpoint").hasMessageContaining("observatoire.http.proxy");
        }
    }

    @Test
    void a_damaged_key_file_stops_the_start_instead_of_replacing_the_identity() throws Exception {
        Files.writeString(dataDir.resolve(SigningKeyFile.FILE_NAME), "{\"kty\":\"OKP\"}");
        assertThatThrownBy(() -> Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), observatory.endpoint()).build())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("observatoire.data-dir").hasMessageContaining("signing-key.jwk");
        assertThat(Files.readString(dataDir.resolve(SigningKeyFile.FILE_NAME))).isEqualTo("{\"kty\":\"OKP\"}");
    }
}
