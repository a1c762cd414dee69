package fr.observatoire.ia.agent.distribution;

import fr.observatoire.ia.plugin.squid.SquidLogGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged observatoire-agent.jar, run as a person would: java -jar, with its three bundled plugins. */
class DistributionIT {
    private static final Path JAR = Path.of(System.getProperty("agent.jar", "target/observatoire-agent.jar"));

    @TempDir
    Path dir;

    record Run(int exit, String output) {
    }

    @Test
    void theJarStartsAndFindsTheBundledPlugins() throws Exception {
        Path log = dir.resolve("access.log");
        SquidLogGenerator.withSeed(1).write(log, 2_000);
        Path config = dir.resolve("agent.properties");
        assertThat(agent("--config", config.toString(), "init").exit()).isZero();
        Files.writeString(config, Files.readString(config)
                .replace("observatoire.declarant.siren=000000000", "observatoire.declarant.siren=210600888")
                .replace("observatoire.declarant.insee-code=", "observatoire.declarant.insee-code=06088")
                .replace("observatoire.endpoint=https://observatoire.example.fr", "observatoire.endpoint=http://127.0.0.1:9")
                .replace("observatoire.data-dir=observatoire-data", "observatoire.data-dir=" + dir.resolve("data"))
                .replace("observatoire.plugins.enabled=squid", "observatoire.plugins.enabled=squid,glpi,cmis")
                .replace("observatoire.plugins.squid.log=/var/log/squid/access.log", "observatoire.plugins.squid.log=" + log));

        Run once = agent("--config", config.toString(), "--lang", "en", "run", "--once");
        Run preview = agent("--config", config.toString(), "preview", "--json");

        assertThat(once.exit()).as(once.output()).isEqualTo(1);
        assertThat(once.output()).contains("squid: OK");
        // Found, started, and refused for want of their settings: their own messages, not "no plugin named".
        assertThat(once.output()).contains("glpi: DISABLED — observatoire.plugins.glpi.", "cmis: DISABLED — observatoire.plugins.cmis.");
        assertThat(once.output()).doesNotContain("no plugin named");
        assertThat(preview.exit()).as(preview.output()).isZero();
        assertThat(preview.output()).contains("\"usageId\":\"chatgpt\"");
    }

    @Test
    void theVersionComesFromTheManifest() throws Exception {
        Run version = agent("--version");

        assertThat(version.exit()).isZero();
        assertThat(version.output()).startsWith("observatoire-agent ").doesNotContain("dev");
    }

    private Run agent(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
