package fr.observatoire.ia.server.problem;

import fr.observatoire.ia.protocol.jose.JwsException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypeTest {
    @Test
    void everyJwsRefusalHasAProblemType() {
        for (JwsException.Reason reason : JwsException.Reason.values()) {
            ApiProblem problem = ApiProblem.of(new JwsException(reason, "why"));
            assertThat(problem.type().slug()).isEqualTo(reason.slug());
        }
    }

    @Test
    void slugsAreUnique() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug).distinct()).hasSize(ProblemType.values().length);
    }

    @Test
    void everyProblemTypeIsDocumentedWithItsStatus() throws Exception {
        String doc = Files.readString(Path.of("../docs/problems.md"));
        for (ProblemType type : ProblemType.values()) {
            assertThat(doc).as("docs/problems.md documents " + type.slug())
                    .containsPattern("\\| `" + type.slug() + "` \\| " + type.status() + " \\|");
        }
    }
}
