package fr.observatoire.ia.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone agent, {@code observatoire-agent.jar} as {@code mvn install} builds it in
 * {@code plugin-examples/agent-distribution/target}, run as a DSI runs it: {@code java -jar}, one command per process,
 * with a configuration file. It speaks French ({@code --lang fr}) whatever the demo's environment says.
 */
final class AgentProcess {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path jar;
    private final Path config;

    AgentProcess(Path jar, Path config) {
        this.jar = jar.toAbsolutePath();
        this.config = config.toAbsolutePath();
    }

    /** What one command printed (standard output and error, interleaved) and its exit status. */
    record Run(List<String> arguments, int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    static void requireBuilt(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the standalone agent is not built: " + jar + " is missing. Run 'mvn -B -q install -DskipTests' first.");
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    Path jar() {
        return jar;
    }

    Path config() {
        return config;
    }

    Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Its output is read back as UTF-8, whatever the locale (Java 17 writes in the platform charset otherwise).
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dstdout.encoding=UTF-8");
        command.add("-Dstderr.encoding=UTF-8");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--config");
        command.add(config.toString());
        command.add("--lang");
        command.add("fr");
        command.addAll(List.of(arguments));
        // Output to a file rather than a pipe: no thread to drain it, and a hung agent cannot hang the demo.
        Path output = Files.createTempFile("observatoire-agent-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            // The file is the whole configuration: an OBSERVATOIRE_* variable of the demo's shell would override it.
            builder.environment().keySet().removeIf(name -> name.startsWith("OBSERVATOIRE_"));
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("observatoire-agent " + String.join(" ", arguments) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Run(List.of(arguments), process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
