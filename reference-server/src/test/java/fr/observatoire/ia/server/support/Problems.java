package fr.observatoire.ia.server.support;

import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on problem+json answers. */
public final class Problems {
    private Problems() {
    }

    /** Asserts an RFC 9457 problem of our type {@code slug} with {@code status}, and returns it. */
    public static Problem assertProblem(Response response, int status, String slug) throws InvalidJsonException {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        Problem problem = ProtocolJson.read(response.asByteArray(), Problem.class);
        assertThat(problem.type()).isEqualTo(Problem.TYPE_PREFIX + slug);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.title()).isNotBlank();
        assertThat(problem.detail()).isNotBlank();
        return problem;
    }
}
