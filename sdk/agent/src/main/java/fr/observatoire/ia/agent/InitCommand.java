package fr.observatoire.ia.agent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a commented example configuration, in the agent's language, readable by its owner only. */
@Command(name = "init", description = {"Écrit un fichier de configuration commenté à compléter.",
        "Writes a commented configuration file to fill in."})
final class InitCommand extends AgentCommand {
    @Option(names = "--force", description = "Remplace un fichier existant / overwrite an existing file")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path file = agent.configFile.toAbsolutePath();
        if (Files.exists(file) && !force) {
            throw new AgentException(ExitCode.USAGE, text("init.exists", file));
        }
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new AgentException(ExitCode.USAGE, text("init.no.directory", file.getParent()));
        }
        String template = agent.messages().english() ? "agent-en.properties" : "agent-fr.properties";
        byte[] content;
        try (InputStream in = InitCommand.class.getResourceAsStream(template)) {
            content = in.readAllBytes();
        }
        Files.write(file, content);
        // It will hold helpdesk tokens and proxy passwords.
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        say("init.written", file);
        say("init.next", new String(content, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("observatoire.")).count());
        return ExitCode.OK;
    }
}
