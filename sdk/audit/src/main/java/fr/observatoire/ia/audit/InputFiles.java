package fr.observatoire.ia.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the auditor's files; one that cannot be read is a usage error, not a failed verification. */
final class InputFiles {
    private InputFiles() {
    }

    static String read(Path file, Messages messages) throws UsageException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(messages.get("usage.fileUnreadable", file, e.getClass().getSimpleName() + " " + e.getMessage()));
        }
    }
}
