package fr.observatoire.ia.server.problem;

import fr.observatoire.ia.protocol.jose.JwsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue itself (unique slugs, documented in docs/problems.md) is tested in the protocol module. */
class ApiProblemTest {
    @Test
    void everyJwsRefusalHasAProblemType() {
        for (JwsException.Reason reason : JwsException.Reason.values()) {
            ApiProblem problem = ApiProblem.of(new JwsException(reason, "why"));
            assertThat(problem.type().slug()).isEqualTo(reason.slug());
            assertThat(problem.toProblem().type()).isEqualTo("urn:observatoire-ia:problem:" + reason.slug());
        }
    }
}
