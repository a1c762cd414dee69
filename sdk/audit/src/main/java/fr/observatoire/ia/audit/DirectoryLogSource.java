package fr.observatoire.ia.audit;

import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A log saved to a directory, for audits without network and for tests: {@value #CHECKPOINT} holds the signed
 * checkpoint as served, {@value #ENTRIES} every entry in one JSON array (same shapes as the API's pages).
 */
final class DirectoryLogSource implements LogSource {
    static final String CHECKPOINT = "checkpoint";
    static final String ENTRIES = "entries.json";

    private final Path directory;
    private List<LogEntry> entries;

    DirectoryLogSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public String checkpoint() throws IOException {
        return Files.readString(directory.resolve(CHECKPOINT), StandardCharsets.UTF_8);
    }

    @Override
    public List<LogEntry> entries(long start, int limit) throws IOException {
        if (entries == null) {
            try {
                entries = LogEntry.parsePage(ProtocolJson.mapper().readTree(directory.resolve(ENTRIES).toFile()));
            } catch (IllegalArgumentException e) {
                throw new IOException(directory.resolve(ENTRIES) + ": " + e.getMessage(), e);
            }
        }
        int from = (int) Math.min(start, entries.size());
        return entries.subList(from, (int) Math.min(entries.size(), start + limit));
    }
}
