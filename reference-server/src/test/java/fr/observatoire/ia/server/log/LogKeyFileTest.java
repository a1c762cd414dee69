package fr.observatoire.ia.server.log;

import fr.observatoire.ia.protocol.jose.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogKeyFileTest {
    @TempDir
    Path directory;

    @Test
    void generatedOnceOwnerOnlyAndReadBackIdentical() throws Exception {
        Path file = directory.resolve("sub/log-key.jwk");
        SigningKey created = new LogKeyFile(file).loadOrCreate();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("\"d\"");
        assertThat(directory.resolve("sub").toFile().list()).containsExactly("log-key.jwk");
        assertThat(new LogKeyFile(file).loadOrCreate().kid()).isEqualTo(created.kid());
    }

    @Test
    void aDamagedFileStopsTheServerInsteadOfMakingANewKey() throws Exception {
        Path file = directory.resolve("log-key.jwk");
        Files.writeString(file, "{\"kty\":\"OKP\"");
        assertThatThrownBy(() -> new LogKeyFile(file).loadOrCreate()).hasMessageContaining("not a private Ed25519 JWK");
        assertThat(Files.readString(file)).isEqualTo("{\"kty\":\"OKP\"");
    }

    @Test
    void theVerifierKeyIsNamedByTheOrigin() {
        LogKey key = new LogKey("observatoire-ia.departement06.fr/log", directory.resolve("k.jwk"));
        assertThat(key.vkey()).startsWith("observatoire-ia.departement06.fr/log+");
        assertThatThrownBy(() -> new LogKey("two words", directory.resolve("k.jwk"))).hasMessageContaining("observatoire.log.origin");
    }
}
