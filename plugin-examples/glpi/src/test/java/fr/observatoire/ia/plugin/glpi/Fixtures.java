package fr.observatoire.ia.plugin.glpi;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.spi.PullBatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** GLPI answers stored under src/test/resources/glpi, and what the twelve-ticket fixture counts to. */
final class Fixtures {
    /** 10:00 in Paris on Wednesday 8 January 2025. */
    static final Instant NOW = Instant.parse("2025-01-08T09:00:00Z");
    static final String CURSOR_AT_NOW = "v1;opened-before=2025-01-08T10:00:00";

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/glpi/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(text(fixture));
    }

    static ResponseDefinitionBuilder html(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html; charset=UTF-8").withBody(text(fixture));
    }

    /** The twelve tickets of category 42 in the page fixtures: levels 3,3,4,2,5 / 1,3,4,6,3 / 4,2. */
    static Map<PullBatch.IncidentKey, Long> twelveFactualErrors() {
        return Map.of(
                key(Severity.S0), 3L,
                key(Severity.S1), 4L,
                key(Severity.S2), 3L,
                key(Severity.S3), 1L,
                key(Severity.S4), 1L);
    }

    static PullBatch.IncidentKey key(Severity severity) {
        return new PullBatch.IncidentKey(IncidentCategory.FACTUAL_ERROR, severity, null);
    }
}
