package fr.observatoire.ia.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A collectivité with no Java application declares its hand-written inventory through the agent's configuration. */
class InventoryFileTest {
    private static final String INVENTORY = """
            {"version":2,"usages":[{"id":"redaction-courriers","name":"Aide à la rédaction des courriers",
             "hosting":"EU_CLOUD","purpose":"DRAFTING","services":["CIVIL_REGISTRY"],"maturity":"PILOT",
             "governance":"SANCTIONED","dataCategories":["INTERNAL"],"automation":"HUMAN_VALIDATES_EACH_OUTPUT",
             "aiAct":{"riskClass":"MINIMAL"},"obstacles":["SKILLS"],"uncertainties":[],"publication":"PUBLIC_REGISTER"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void theInventoryFileIsInTheNextDeclaration() throws Exception {
        Path file = Files.writeString(dir.resolve("inventaire.json"), INVENTORY);
        AgentFixture agent = new AgentFixture(dir, AgentFixture.NOWHERE).set(InventoryFile.KEY, file.toString());

        AgentFixture.Result preview = agent.run("preview", "--json");

        assertThat(preview.exit()).isEqualTo(ExitCode.OK);
        assertThat(preview.out()).contains("\"redaction-courriers\"", "Aide à la rédaction des courriers");
    }

    @Test
    void anInvalidInventoryIsNamedWithItsKeyAndEndsWithStatus2() throws Exception {
        Path file = Files.writeString(dir.resolve("inventaire.json"), INVENTORY.replace("\"PILOT\"", "\"PILOTE\""));
        AgentFixture agent = new AgentFixture(dir, AgentFixture.NOWHERE).set(InventoryFile.KEY, file.toString());

        AgentFixture.Result french = agent.run("status");
        Files.createDirectories(dir.resolve("b"));
        AgentFixture.Result missing = new AgentFixture(dir.resolve("b"), AgentFixture.NOWHERE)
                .set(InventoryFile.KEY, dir.resolve("absent.json").toString()).english().run("status");

        assertThat(french.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(french.err()).contains("observatoire.inventory", "inventaire.json", "PILOTE");
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("cannot be read", "absent.json");
    }
}
