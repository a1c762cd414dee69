package fr.observatoire.ia.sdk;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proxy, proxy authentication and trust store are configuration, and they work. */
class NetworkSettingsTest {
    @TempDir
    Path dir;

    @Test
    void requests_go_through_an_http_proxy_that_asks_for_basic_authentication() throws Exception {
        String credentials = "Basic " + Base64.getEncoder().encodeToString("sdk:s3cret".getBytes(StandardCharsets.UTF_8));
        try (FakeObservatory proxy = new FakeObservatory()) {
            // The fake observatory plays the proxy: it receives the absolute-URI requests a client sends to a proxy.
            WireMockServer server = proxy.server();
            server.stubFor(post(urlPathEqualTo(FakeObservatory.ENROLMENTS)).atPriority(1)
                    .withHeader("Proxy-Authorization", absent())
                    .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"mairie\"")));
            URI proxyUri = URI.create(proxy.endpoint());
            try (ObservatoireSdk sdk = Sdks.builder(dir, new MutableClock(TestData.WEDNESDAY), "http://observatoire.invalid")
                    .config(b -> b.http(new SdkConfig.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), proxyUri, "sdk", "s3cret", null, null)))
                    .build()) {
                EnrolmentResponse response = sdk.enrol("GOOD");
                assertThat(response.kid()).isNotBlank();
            }
            server.verify(1, postRequestedFor(urlPathEqualTo(FakeObservatory.ENROLMENTS)).withHeader("Proxy-Authorization", equalTo(credentials)));
            assertThat(server.findAll(postRequestedFor(urlPathEqualTo(FakeObservatory.ENROLMENTS))).get(0).getAbsoluteUrl())
                    .startsWith("http://observatoire.invalid");
        }
    }

    @Test
    void a_custom_trust_store_lets_the_sdk_trust_a_private_certificate_authority() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "observatory", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        writeTrustStore(keyStore, trustStore);

        WireMockServer tls = new WireMockServer(options().dynamicPort().dynamicHttpsPort()
                .keystorePath(keyStore.toString()).keystorePassword("changeit").keyManagerPassword("changeit").keystoreType("PKCS12"));
        tls.start();
        try {
            tls.stubFor(post(urlPathEqualTo(FakeObservatory.ENROLMENTS)).willReturn(aResponse().withStatus(403)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"type\":\"urn:observatoire-ia:problem:enrolment-code-invalid\",\"status\":403}")));
            String endpoint = "https://localhost:" + tls.httpsPort();
            try (ObservatoireSdk untrusting = Sdks.builder(dir.resolve("a"), new MutableClock(TestData.WEDNESDAY), endpoint).build()) {
                assertThatThrownBy(() -> untrusting.enrol("CODE")).isInstanceOfSatisfying(EnrolmentException.class,
                        e -> assertThat(e.slug()).isEqualTo("network-error"));
            }
            try (ObservatoireSdk trusting = Sdks.builder(dir.resolve("b"), new MutableClock(TestData.WEDNESDAY), endpoint)
                    .config(b -> b.http(new SdkConfig.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), null, null, null, trustStore, "changeit")))
                    .build()) {
                // The TLS handshake succeeds: the answer is the observatory's own refusal, not a network error.
                assertThatThrownBy(() -> trusting.enrol("CODE")).isInstanceOfSatisfying(EnrolmentException.class,
                        e -> assertThat(e.slug()).isEqualTo("enrolment-code-invalid"));
            }
        } finally {
            tls.stop();
        }
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
    }

    private static void writeTrustStore(Path keyStore, Path trustStore) throws Exception {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keyStore.toFile())) {
            source.load(in, "changeit".toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("observatory", source.getCertificate("observatory"));
        try (FileOutputStream out = new FileOutputStream(trustStore.toFile())) {
            trust.store(out, "changeit".toCharArray());
        }
    }
}
