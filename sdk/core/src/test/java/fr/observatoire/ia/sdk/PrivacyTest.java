package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.AgentBand;
import fr.observatoire.ia.sdk.internal.counters.Pseudonymizer;
import fr.observatoire.ia.sdk.internal.sign.SigningKeyFile;
import fr.observatoire.ia.sdk.testing.FakeObservatory;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyTest {
    private static final String EMAIL = "jean.dupont@ville-de-nice.fr";
    private static final String IP = "192.168.12.34";

    @TempDir
    Path dataDir;

    @Test
    void agent_identifiers_never_reach_the_store_or_the_declaration_only_a_band_leaves() throws Exception {
        try (FakeObservatory observatory = new FakeObservatory();
             ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), observatory.endpoint()).build()) {
            sdk.enrol("GOOD");
            sdk.declareInventory(TestData.inventory("chat", "proxy"));
            sdk.agentActive("chat", EMAIL);
            sdk.agentActive("chat", EMAIL);
            sdk.agentActive("proxy", IP);
            for (int i = 0; i < 12; i++) {
                sdk.agentActive("proxy", "10.0.0." + i);
            }
            assertThat(sdk.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(storeText()).doesNotContain(EMAIL, IP, "10.0.0.1", "dupont");

            DeclarationPreview declaration = sdk.closePeriodNow();
            assertThat(declaration.declaration().activeAgents()).containsExactly(
                    new ActiveAgents("chat", AgentBand.FEWER_THAN_3), new ActiveAgents("proxy", AgentBand.FROM_11_TO_49));
            assertThat(declaration.payloadText()).doesNotContain(EMAIL, IP, "dupont", "10.0.0.");
            assertThat(sdk.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(new String(observatory.acceptedPayloads().get(0), StandardCharsets.UTF_8)).doesNotContain(EMAIL, IP);
        }
        assertThat(storeText()).doesNotContain(EMAIL, IP, "dupont");
        for (String secret : new String[]{SigningKeyFile.FILE_NAME, Pseudonymizer.SECRET_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(secret))))
                    .as(secret).isEqualTo("rw-------");
        }
    }

    /** Every byte of the data directory (database, WAL, journal) as Latin-1 text, so any ASCII string shows. */
    private String storeText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                } catch (java.nio.file.NoSuchFileException gone) {
                    // SQLite removes its -wal and -shm files when the last connection closes.
                }
            }
        }
        return text.toString();
    }
}
