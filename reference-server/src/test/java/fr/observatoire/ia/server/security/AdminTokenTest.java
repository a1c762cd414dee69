package fr.observatoire.ia.server.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTokenTest {
    @TempDir
    Path dataDir;

    @Test
    void configuredTokenIsUsedAndNoFileIsWritten() {
        AdminToken token = new AdminToken(Optional.of("configured-secret"), dataDir);

        assertThat(token.matches("configured-secret")).isTrue();
        assertThat(token.matches("configured-secreT")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(dataDir.resolve(AdminToken.FILE_NAME)).doesNotExist();
    }

    @Test
    void generatedOnceIntoAnOwnerOnlyFileThenReadBack() throws Exception {
        Path dir = dataDir.resolve("not-yet-created");
        new AdminToken(Optional.empty(), dir);
        Path file = dir.resolve(AdminToken.FILE_NAME);

        String generated = Files.readString(file).strip();
        assertThat(generated).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        AdminToken restarted = new AdminToken(Optional.empty(), dir);
        assertThat(restarted.matches(generated)).isTrue();
        assertThat(Files.readString(file).strip()).isEqualTo(generated);
    }
}
