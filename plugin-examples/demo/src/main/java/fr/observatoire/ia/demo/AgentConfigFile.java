package fr.observatoire.ia.demo;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.PeriodKind;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The standalone agent's configuration file ({@code observatoire-agent.properties}: the SDK's MicroProfile Config keys,
 * docs/configuration.md, plus the plugins'), written as a DSI would after {@code observatoire-agent init}: UTF-8,
 * readable by its owner only.
 */
final class AgentConfigFile {
    static final String FILE_NAME = "observatoire-agent.properties";

    private final StringBuilder text = new StringBuilder();

    AgentConfigFile comment(String line) {
        text.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        return this;
    }

    AgentConfigFile blank() {
        text.append('\n');
        return this;
    }

    AgentConfigFile set(String key, Object value) {
        text.append(key).append('=').append(escape(String.valueOf(value))).append('\n');
        return this;
    }

    AgentConfigFile setAll(Map<String, ?> entries) {
        entries.forEach(this::set);
        return this;
    }

    /** Who declares, to which observatory, from which data directory: what every agent file starts with. */
    AgentConfigFile declarant(Declarant declarant, PeriodKind period, URI endpoint, Path dataDir) {
        comment("--- La collectivité ---");
        set("observatoire.declarant.siren", declarant.siren());
        set("observatoire.declarant.kind", declarant.kind().name());
        if (declarant.inseeCode() != null) {
            set("observatoire.declarant.insee-code", declarant.inseeCode());
        }
        set("observatoire.declarant.name", declarant.name());
        blank();
        comment("--- L'observatoire ---");
        set("observatoire.endpoint", endpoint);
        blank();
        comment("--- Données locales : clé de signature, compteurs, boîte d'envoi, reçus ---");
        set("observatoire.data-dir", dataDir.toAbsolutePath());
        set("observatoire.period", period.name());
        return this;
    }

    Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays under the user's profile.
        }
        return file;
    }

    /** A properties value: backslashes (Windows paths) and leading spaces would otherwise be read differently. */
    private static String escape(String value) {
        String escaped = value.replace("\\", "\\\\");
        return escaped.startsWith(" ") ? "\\" + escaped : escaped;
    }
}
