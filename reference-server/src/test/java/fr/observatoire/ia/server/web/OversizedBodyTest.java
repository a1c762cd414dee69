package fr.observatoire.ia.server.web;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.support.StoreSnapshot;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 50 MB body, streamed for real (never held in memory by the test), gets our 413 problem+json,
 * whether its length is announced or it comes chunked, and the server goes on serving.
 */
@QuarkusTest
class OversizedBodyTest {
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @TestHTTPResource("/api/v1/declarations")
    URI declarations;

    @Inject
    Database database;

    /** HTTP/1.1, as the SDK talks; and HTTP/2 (the JDK client's default, upgraded from HTTP/1.1 with h2c). */
    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void fiftyMegabytesWithContentLength(HttpClient.Version version) throws Exception {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(FIFTY_MB)), FIFTY_MB);
        assertTooLarge(version, body);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void fiftyMegabytesChunked(HttpClient.Version version) throws Exception {
        // ofInputStream without a length: no Content-Length (chunked in HTTP/1.1), caught by the bounded read.
        assertTooLarge(version, HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(FIFTY_MB)));
    }

    @Test
    void justOverTheLimitChunked() throws Exception {
        assertTooLarge(HttpClient.Version.HTTP_1_1, HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(1024 * 1024 + 1)));
    }

    private void assertTooLarge(HttpClient.Version version, HttpRequest.BodyPublisher body) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10)).build();
        String before = StoreSnapshot.take(database);
        HttpRequest request = HttpRequest.newBuilder(declarations)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", Jws.MEDIA_TYPE)
                .POST(body)
                .build();

        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        Problem problem = ProtocolJson.read(response.body(), Problem.class);
        assertThat(problem.slug()).isEqualTo("payload-too-large");
        assertThat(problem.detail()).contains("1048576");
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
        // Still serving.
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(declarations).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
    }

    /** {@code size} bytes of base64url-looking text, generated as they are read. */
    private static final class Filler extends InputStream {
        private long left;

        Filler(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 'A';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) 'A');
            left -= n;
            return n;
        }
    }
}
