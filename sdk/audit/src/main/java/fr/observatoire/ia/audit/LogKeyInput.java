package fr.observatoire.ia.audit;

import fr.observatoire.ia.protocol.tlog.NoteException;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --log-key} option: a C2SP verifier key given as is, or the path of a file holding it. */
final class LogKeyInput {
    private LogKeyInput() {
    }

    static NoteVerifier parse(String value, Messages messages) throws UsageException {
        String vkey = value.trim();
        Path file = Path.of(vkey);
        if (!vkey.contains("+") || Files.isRegularFile(file)) {
            try {
                vkey = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new UsageException(messages.get("usage.logKeyUnreadable", value, e.getMessage()));
            }
        }
        try {
            return NoteVerifier.parse(vkey);
        } catch (NoteException | IllegalArgumentException e) {
            throw new UsageException(messages.get("usage.logKeyInvalid", e.getMessage()));
        }
    }
}
