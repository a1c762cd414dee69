package fr.observatoire.ia.server.log;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The log's private key in a file, as a private OKP JWK. Created once: written to a temporary file with
 * owner-only permissions, forced to disk, then moved into place atomically, so that a crash never leaves
 * a half-written key that a restart would take for a new one.
 */
final class LogKeyFile {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Path file;

    LogKeyFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    SigningKey loadOrCreate() {
        try {
            if (Files.exists(file)) {
                return read();
            }
            SigningKey key = SigningKey.generate();
            write(key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the log key file " + file
                    + "; set observatoire.log.key-file or make the data directory writable", e);
        }
    }

    private SigningKey read() throws IOException {
        try {
            return SigningKey.fromJwk(ProtocolJson.mapper().readValue(Files.readAllBytes(file), MAP));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the log key file " + file + " is not a private Ed25519 JWK: " + e.getMessage(), e);
        }
    }

    private void write(SigningKey key) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        byte[] json = ProtocolJson.write(key.toPrivateJwk());
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.WRITE))) {
            channel.write(ByteBuffer.wrap(json));
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file);
        }
        if (posix) {
            forceDirectory(directory);
        }
    }

    /** Makes the rename itself durable (POSIX: fsync of the directory). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for reading; the file itself is already on disk.
        }
    }
}
