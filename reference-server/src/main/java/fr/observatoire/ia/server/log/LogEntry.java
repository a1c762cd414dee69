package fr.observatoire.ia.server.log;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * What one leaf of the log records: a declaration (its compact JWS) or a key event (the collectivité's
 * signed JWS, or the observatory's JSON statement). The leaf data is the UTF-8 bytes of {@code text}
 * (ASCII for a JWS).
 */
public record LogEntry(String text, UUID declarationId, UUID keyEventId) {
    public LogEntry {
        Objects.requireNonNull(text, "text");
        if ((declarationId == null) == (keyEventId == null)) {
            throw new IllegalArgumentException("a log entry is either a declaration or a key event");
        }
    }

    public static LogEntry declaration(UUID id, String compactJws) {
        return new LogEntry(compactJws, id, null);
    }

    public static LogEntry keyEvent(UUID id, String text) {
        return new LogEntry(text, null, id);
    }

    public byte[] data() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
