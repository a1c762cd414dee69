package fr.observatoire.ia.server.problem;

import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConstraintViolationMapperTest {
    record Query(@NotBlank String name, @Max(500) int limit) {
    }

    @Inject
    Validator validator;

    @Test
    void everyViolationIsNamedInOneInvalidRequestProblem() throws Exception {
        var violations = validator.validate(new Query(" ", 501));
        assertThat(violations).hasSize(2);

        Response response = new ConstraintViolationMapper().toResponse(new ConstraintViolationException(violations));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem problem = ProtocolJson.read((byte[]) response.getEntity(), Problem.class);
        assertThat(problem.slug()).isEqualTo("invalid-request");
        assertThat(problem.detail()).contains("limit: ", "name: ");
    }
}
