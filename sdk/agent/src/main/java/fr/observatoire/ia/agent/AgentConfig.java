package fr.observatoire.ia.agent;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent's MicroProfile Config: its properties file, then the environment (a systemd {@code Environment=} line,
 * {@code OBSERVATOIRE_DATA_DIR}), then system properties, each overriding the one before.
 */
final class AgentConfig {
    /** Below the environment (300) and system properties (400): a deployment can override the file. */
    private static final int FILE_ORDINAL = 100;

    private AgentConfig() {
    }

    static Config load(Path file, Messages messages) {
        if (!Files.isRegularFile(file)) {
            throw new AgentException(ExitCode.USAGE, messages.get("config.missing", file.toAbsolutePath()));
        }
        try {
            return new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(file.toUri().toURL(), FILE_ORDINAL))
                    .addSystemSources()
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new AgentException(ExitCode.USAGE, messages.get("config.unreadable", file.toAbsolutePath(), e.getMessage()));
        }
    }
}
