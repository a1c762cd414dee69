package fr.observatoire.ia.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** init, and what a person sees when the configuration is missing or wrong: the key at fault, exit status 2. */
class InitAndConfigTest {
    @TempDir
    Path dir;

    @Test
    void initWritesACommentedConfigurationReadableByItsOwnerOnly() throws Exception {
        AgentFixture agent = new AgentFixture(dir, AgentFixture.NOWHERE);
        Path file = dir.resolve("observatoire-agent.properties");

        AgentFixture.Result first = agent.runRaw("init", "--config", file.toString());
        AgentFixture.Result again = agent.runRaw("--config", file.toString(), "init");

        assertThat(first.exit()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains("Configuration écrite dans " + file, "observatoire-agent enrol CODE");
        String text = Files.readString(file);
        assertThat(text).contains("observatoire.declarant.siren=", "observatoire.plugins.enabled=squid",
                "# observatoire.plugins.glpi.url=", "Code INSEE");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("existe déjà", "--force");
        assertThat(agent.runRaw("init", "--force", "--lang", "en", "--config", file.toString()).exit()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(file)).contains("INSEE (COG) code: required");
    }

    @Test
    void aMissingConfigurationSaysHowToCreateOne() {
        AgentFixture agent = new AgentFixture(dir, AgentFixture.NOWHERE);

        AgentFixture.Result french = agent.runRaw("status", "--config", dir.resolve("absent.properties").toString());
        AgentFixture.Result english = agent.english().runRaw("status", "--config", dir.resolve("absent.properties").toString());

        assertThat(french.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(french.err()).contains("Fichier de configuration introuvable", "absent.properties", "observatoire-agent init");
        assertThat(english.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(english.err()).contains("Configuration file not found", "observatoire-agent init");
    }

    @Test
    void aBadSettingIsNamedAndEndsWithStatus2() throws Exception {
        AgentFixture agent = new AgentFixture(dir, AgentFixture.NOWHERE).set("observatoire.declarant.siren", "123456789")
                .set("observatoire.period", "FORTNIGHT");

        AgentFixture.Result result = agent.run("status");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Configuration invalide", "observatoire.declarant.siren", "123456789",
                "observatoire.period", "FORTNIGHT");
    }

    @Test
    void theEnvironmentOverridesTheFile() throws Exception {
        AgentFixture agent = new AgentFixture(dir, AgentFixture.NOWHERE).set("observatoire.declarant.siren", "123456789");
        agent.writeConfig();
        System.setProperty("observatoire.declarant.siren", AgentFixture.NICE.siren());
        try {
            assertThat(agent.runRaw("--config", agent.config().toString(), "status").exit()).isEqualTo(ExitCode.OK);
        } finally {
            System.clearProperty("observatoire.declarant.siren");
        }
    }

    @Test
    void aUsageErrorShowsTheUsageWithStatus2() {
        AgentFixture agent = new AgentFixture(dir, AgentFixture.NOWHERE);

        AgentFixture.Result none = agent.runRaw();
        AgentFixture.Result unknown = agent.runRaw("frobnicate");
        AgentFixture.Result help = agent.runRaw("--help");

        assertThat(none.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("Indiquez une commande", "close-period");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(help.exit()).isEqualTo(ExitCode.OK);
        assertThat(help.out()).contains("enrol", "preview", "verify", "non inscrit / not enrolled", "Codes de sortie");
    }
}
