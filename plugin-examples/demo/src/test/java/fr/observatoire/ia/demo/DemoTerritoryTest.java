package fr.observatoire.ia.demo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.schema.DeclarationSchema;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's demo, end to end: the packaged observatory in its own process, three collectivités declaring
 * through the SDK over real HTTP, and a fourth through the packaged standalone agent (its own processes) reading a
 * GLPI and a GED served by WireMock and a Squid log. Runs in the reactor after the server and the agent are packaged.
 */
class DemoTerritoryTest {
    private static final Path SERVER_JAR = Path.of("../../reference-server/target/quarkus-app/quarkus-run.jar");
    private static final Path AGENT_JAR = Path.of("../agent-distribution/target/observatoire-agent.jar");
    private static final String[] SDK_SIRENS = {"210600888", "200030195", "210601621"};

    @Test
    void fourCollectivitesOfTheAlpesMaritimesDeclareOneThroughTheAgentAndTheObservatoryAcceptsAll() throws Exception {
        assumeTrue(Files.isRegularFile(SERVER_JAR) && Files.isRegularFile(AGENT_JAR) || Boolean.getBoolean("observatoire.demo.required"),
                "the reference server or the agent is not packaged (run from the reactor: mvn verify)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Path.of("target", "demo-test-data");
        List<String> violations = new ArrayList<>();
        Map<String, Declaration> bySiren = new ConcurrentHashMap<>();
        AtomicReference<AgentProcess.Run> status = new AtomicReference<>();
        int accepted = DemoTerritory.run(new Options(port, dataDir, SERVER_JAR, AGENT_JAR, false), (admin, declarations) -> {
            for (JsonNode declaration : declarations) {
                ParsedJws jws = Jws.parse(admin.signedDeclaration(declaration.get("declarationId").asText()));
                // What the SDK and the agent built, byte for byte as the observatory stored it, against the published schema.
                violations.addAll(DeclarationSchema.violations(jws.payload()));
                bySiren.put(declaration.get("siren").asText(), Jws.payload(jws, Declaration.class));
            }
            // A collectivité of the SDK, seen through the agent with the file the demo wrote for it.
            Path laBrigue = dataDir.resolve("collectivites").resolve("210601621").resolve(AgentConfigFile.FILE_NAME);
            status.set(new AgentProcess(AGENT_JAR, laBrigue).run("status"));
        });

        assertThat(accepted).isEqualTo(4);
        assertThat(violations).as("schema violations of the declarations the SDK and the agent built").isEmpty();
        assertThat(bySiren).containsOnlyKeys("210600888", "200030195", "210601621", RivieraFrancaise.SIREN);

        // The agent's declaration: activity from each of its three plugins, each reported OK in the provenance.
        Declaration agent = bySiren.get(RivieraFrancaise.SIREN);
        Map<String, SourceReport> sources = agent.provenance().sources().stream().collect(Collectors.toMap(SourceReport::name, s -> s));
        assertThat(sources).containsKeys("squid", "glpi", "cmis");
        for (String plugin : List.of("squid", "glpi", "cmis")) {
            assertThat(sources.get(plugin).status()).as(plugin).isEqualTo(SourceStatus.OK);
            assertThat(sources.get(plugin).records()).as(plugin + " records").isPositive();
        }
        assertThat(sources.get("squid").records()).isEqualTo(RivieraFrancaise.SQUID_LINES);
        assertThat(total(agent, ActionKind.WEB_ACCESS)).as("squid: accesses to public AI services").isPositive();
        // GLPI: 6 access-request templates and 13 incident templates, each opened twice in the last six days.
        assertThat(total(agent, ActionKind.USAGE_REQUEST)).as("glpi: requests for Le Chat Pro").isEqualTo(12);
        assertThat(agent.incidents().counts().stream().mapToLong(IncidentCount::count).sum()).as("glpi: AI incidents").isEqualTo(26);
        long marked = new DemoGed(Instant.now()).documents().stream().filter(DemoGed.Document::aiAssisted).count();
        assertThat(total(agent, ActionKind.DOCUMENT_DRAFTED)).as("cmis: documents drafted with AI").isEqualTo(marked);
        // Their usage is in the inventory (from the Squid catalogue), so nothing was dropped as an unknown usage.
        assertThat(agent.inventory().usages()).anySatisfy(u -> {
            assertThat(u.id()).isEqualTo(RivieraFrancaise.USAGE_ID);
            assertThat(u.governance()).hasToString("SANCTIONED");
        });
        assertThat(agent.provenance().losses()).isEmpty();

        // The observatory has stopped; its database still holds what it accepted, and the SDKs their receipts.
        assertThat(dataDir.resolve("observatoire")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".mv.db"));
        assertThat(dataDir.resolve("agent").resolve(AgentConfigFile.FILE_NAME)).exists();
        assertThat(dataDir.resolve("agent").resolve("donnees").resolve("signing-key.jwk")).exists();
        for (String siren : SDK_SIRENS) {
            Path dir = dataDir.resolve("collectivites").resolve(siren);
            assertThat(dir.resolve("sdk").resolve("signing-key.jwk")).exists();
            assertThat(Files.readString(dir.resolve(AgentConfigFile.FILE_NAME)))
                    .contains("observatoire.declarant.siren=" + siren)
                    .contains("observatoire.endpoint=http://127.0.0.1:" + port)
                    .contains("observatoire.data-dir=" + dir.resolve("sdk").toAbsolutePath());
        }
        assertThat(status.get().exit()).as(status.get().output()).isZero();
        assertThat(status.get().output()).contains("La Brigue", "SIREN 210601621", "inscrite", "1 envoyées");
    }

    private static long total(Declaration declaration, ActionKind action) {
        return declaration.activity().stream().filter(a -> a.action() == action).mapToLong(ActivityCount::count).sum();
    }
}
