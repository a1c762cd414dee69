package fr.observatoire.ia.demo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.schema.DeclarationSchema;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's demo, end to end: the packaged observatory in its own process, three collectivités declaring
 * through the SDK over real HTTP. Runs in the reactor after the server is packaged.
 */
class DemoTerritoryTest {
    private static final Path SERVER_JAR = Path.of("../../reference-server/target/quarkus-app/quarkus-run.jar");

    @Test
    void threeCollectivitesOfTheAlpesMaritimesDeclareAndTheObservatoryAcceptsAll() throws Exception {
        assumeTrue(Files.isRegularFile(SERVER_JAR) || Boolean.getBoolean("observatoire.demo.required"),
                "the reference server is not packaged (run from the reactor: mvn verify)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Path.of("target", "demo-test-data");
        List<String> violations = new ArrayList<>();
        int accepted = DemoTerritory.run(new Options(port, dataDir, SERVER_JAR, false), (admin, declarations) -> {
            for (JsonNode declaration : declarations) {
                ParsedJws jws = Jws.parse(admin.signedDeclaration(declaration.get("declarationId").asText()));
                // What the SDK built, byte for byte as the observatory stored it, against the published schema.
                violations.addAll(DeclarationSchema.violations(jws.payload()));
            }
        });

        assertThat(accepted).isEqualTo(3);
        assertThat(violations).as("schema violations of the declarations the SDK built").isEmpty();
        // The observatory has stopped; its database still holds what it accepted, and the SDKs their receipts.
        assertThat(dataDir.resolve("observatoire")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".mv.db"));
        for (String siren : new String[]{"210600888", "200030195", "210601621"}) {
            assertThat(dataDir.resolve("collectivites").resolve(siren).resolve("sdk").resolve("signing-key.jwk")).exists();
        }
    }
}
