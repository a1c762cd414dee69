package fr.observatoire.ia.protocol.messages;

import fr.observatoire.ia.protocol.jose.JwsException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypeTest {
    @Test
    void slugsAreUnique() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug)).doesNotHaveDuplicates();
    }

    @Test
    void everyProblemTypeIsDocumentedWithItsStatus() throws Exception {
        String doc = Files.readString(Path.of("../../docs/problems.md"));
        for (ProblemType type : ProblemType.values()) {
            assertThat(doc).as("docs/problems.md documents " + type.slug() + " with status " + type.status())
                    .containsPattern("\\| `" + type.slug() + "` \\| " + type.status() + " \\|");
        }
    }

    @Test
    void everyJwsRefusalHasAProblemTypeOfTheSameSlug() {
        for (JwsException.Reason reason : JwsException.Reason.values()) {
            assertThat(ProblemType.of(reason).slug()).isEqualTo(reason.slug());
        }
    }

    @Test
    void slugsAreFoundBack() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(ProblemType.ofSlug(type.slug())).contains(type);
        }
        assertThat(ProblemType.ofSlug("sequence-conflict")).isEmpty();
    }

    @Test
    void theProblemCarriesTheTypeUrnTitleStatusAndDetail() {
        Problem problem = ProblemType.SIGNATURE_INVALID.problem("the signature does not verify");
        assertThat(problem).isEqualTo(new Problem("urn:observatoire-ia:problem:signature-invalid", "Signature invalide", 403,
                "the signature does not verify", null));
        assertThat(problem.slug()).isEqualTo("signature-invalid");
        assertThat(ProblemType.INTERNAL_ERROR.problem("failed", "urn:uuid:1").instance()).isEqualTo("urn:uuid:1");
    }
}
