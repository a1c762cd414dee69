package fr.observatoire.ia.agent;

import fr.observatoire.ia.spi.PullPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A vendor's plugin jar dropped into --plugins-dir is found, although it is on no classpath. */
class PluginsDirectoryTest {
    private static final String SOURCE = """
            package extra;
            import fr.observatoire.ia.spi.PullBatch;
            import fr.observatoire.ia.spi.PullPlugin;
            import java.util.Optional;
            public final class ExtraPlugin implements PullPlugin {
                public String name() { return "extra"; }
                public String version() { return "1.2.3"; }
                public PullBatch pull(Optional<String> cursor, PullProgress progress) {
                    return PullBatch.builder().records(7).cursor("seen").build();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aPluginJarInThePluginsDirectoryIsLoaded() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        buildPluginJar(plugins.resolve("extra-plugin.jar"));
        AgentFixture agent = new AgentFixture(dir, AgentFixture.NOWHERE).set("observatoire.plugins.enabled", "extra");

        AgentFixture.Result without = agent.run("run", "--once");
        AgentFixture.Result with = agent.run("run", "--once", "--plugins-dir", plugins.toString());
        AgentFixture.Result missing = agent.run("run", "--once", "--plugins-dir", dir.resolve("nope").toString());

        assertThat(without.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(without.out()).contains("extra : DÉSACTIVÉ — no plugin named extra");
        assertThat(with.exit()).as(with.all()).isEqualTo(ExitCode.OK);
        assertThat(with.out()).contains("extra : OK", "(7 enregistrements)");
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("nope", "--plugins-dir");
    }

    private void buildPluginJar(Path jar) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/extra"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(src.resolve("ExtraPlugin.java"), SOURCE);
        String api = Path.of(PullPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", api, src.resolve("ExtraPlugin.java").toString());
        assertThat(status).as("the test plugin compiles").isZero();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "extra/ExtraPlugin.class", Files.readAllBytes(classes.resolve("extra/ExtraPlugin.class")));
            add(out, "META-INF/services/fr.observatoire.ia.spi.ObservatoirePlugin", "extra.ExtraPlugin\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void add(JarOutputStream out, String name, byte[] content) throws Exception {
        out.putNextEntry(new JarEntry(name));
        ((OutputStream) out).write(content);
        out.closeEntry();
    }
}
