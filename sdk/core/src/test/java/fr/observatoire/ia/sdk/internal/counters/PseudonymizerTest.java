package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.AgentBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class PseudonymizerTest {
    @TempDir
    Path dir;

    @Test
    void the_secret_is_private_stable_across_restarts_and_keys_the_pseudonym() throws Exception {
        String first = Pseudonymizer.inDirectory(dir).pseudonym("jean.dupont@nice.fr");
        String again = Pseudonymizer.inDirectory(dir).pseudonym("jean.dupont@nice.fr");
        assertThat(again).isEqualTo(first);
        assertThat(Pseudonymizer.withSecret(new byte[32]).pseudonym("jean.dupont@nice.fr")).isNotEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(Pseudonymizer.SECRET_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void bands_follow_the_confidentiality_thresholds() {
        assertThat(AgentBands.band(0)).isEqualTo(AgentBand.FEWER_THAN_3);
        assertThat(AgentBands.band(2)).isEqualTo(AgentBand.FEWER_THAN_3);
        assertThat(AgentBands.band(3)).isEqualTo(AgentBand.FROM_3_TO_10);
        assertThat(AgentBands.band(10)).isEqualTo(AgentBand.FROM_3_TO_10);
        assertThat(AgentBands.band(11)).isEqualTo(AgentBand.FROM_11_TO_49);
        assertThat(AgentBands.band(49)).isEqualTo(AgentBand.FROM_11_TO_49);
        assertThat(AgentBands.band(50)).isEqualTo(AgentBand.FROM_50_TO_249);
        assertThat(AgentBands.band(249)).isEqualTo(AgentBand.FROM_50_TO_249);
        assertThat(AgentBands.band(250)).isEqualTo(AgentBand.AT_LEAST_250);
    }
}
