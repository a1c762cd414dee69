package fr.observatoire.ia.server.security;

import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.jose.Base64Url;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The admin API's bearer token: {@code observatoire.admin.token} when configured; otherwise a random
 * token generated at first start into {@code <data-dir>/admin-token} (owner-only permissions) and read
 * from there at every later start, so that one command gives a working, protected observatory.
 */
// Created at start-up, not on first use: a generated token must be in the log of the first start.
@Startup
@ApplicationScoped
public class AdminToken {
    static final String FILE_NAME = "admin-token";
    private static final Logger LOG = Logger.getLogger(AdminToken.class);

    private final byte[] tokenHash;

    @Inject
    AdminToken(AdminConfig config, @ConfigProperty(name = "observatoire.data-dir", defaultValue = "./data") Path dataDir) {
        this(config.token().filter(t -> !t.isBlank()), dataDir);
    }

    AdminToken(Optional<String> configured, Path dataDir) {
        String token = configured.orElseGet(() -> fromFile(dataDir.resolve(FILE_NAME)));
        this.tokenHash = Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Compares in constant time (over hashes, so the length does not leak either). */
    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(tokenHash, Hashes.sha256(candidate.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                LOG.infof("Admin token read from %s", file.toAbsolutePath());
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String token = generate();
            write(file, token);
            // Shown once, when it is created, so that whoever started the server can use it right away.
            LOG.infof("Admin token generated into %s (owner-only); it will not be shown again: %s", file.toAbsolutePath(), token);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token file " + file
                    + "; set observatoire.admin.token or make the data directory writable", e);
        }
    }

    private static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64Url.encode(random);
    }

    /** Creates the file with its final permissions, so that the token is never readable by others, even briefly. */
    private static void write(Path file, String token) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("the admin token file appeared while it was being created: restart the server", e);
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    }
}
