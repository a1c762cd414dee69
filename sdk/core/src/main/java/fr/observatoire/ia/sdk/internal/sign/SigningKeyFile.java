package fr.observatoire.ia.sdk.internal.sign;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.SigningKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The collectivité's Ed25519 signing key, a private JWK file in the data directory (mode 0600). It is the
 * collectivité's identity towards the observatory: back it up with the data directory.
 */
public final class SigningKeyFile {
    public static final String FILE_NAME = "signing-key.jwk";
    /** A key generated for a rotation the observatory has not confirmed yet (or whose local switch did not finish). */
    public static final String NEXT_FILE_NAME = "signing-key.next.jwk";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Path file;
    private final Path next;

    public SigningKeyFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        this.next = dataDir.resolve(NEXT_FILE_NAME);
    }

    /** Where a key no longer in use is kept: {@code signing-key.<kid>.<state>.jwk}, state {@code retired} or {@code revoked}. */
    public Path archivePath(String kid, String state) {
        return file.resolveSibling("signing-key." + kid + "." + state + ".jwk");
    }

    public Optional<SigningKey> loadNext() throws IOException {
        return read(next);
    }

    public boolean hasNext() {
        return Files.exists(next);
    }

    /** Writes a rotation's new key durably, before anything about it leaves the machine. */
    public void writeNext(SigningKey key) throws IOException {
        PrivateFiles.writeAtomically(next, ProtocolJson.write(key.toPrivateJwk()));
    }

    /** Abandons a rotation the observatory refused. */
    public void deleteNext() throws IOException {
        Files.deleteIfExists(next);
    }

    /**
     * Makes the next key the current one, keeping the current one as {@code signing-key.<kid>.retired.jwk}. Each
     * step is atomic and the retired copy is written first, so that a crash leaves either the old state with the
     * next file, or the new one: never a lost key.
     */
    public void promoteNext(SigningKey current) throws IOException {
        PrivateFiles.writeAtomically(archivePath(current.kid(), "retired"), ProtocolJson.write(current.toPrivateJwk()));
        PrivateFiles.moveAtomically(next, file);
    }

    /** Moves the current key aside as {@code signing-key.<kid>.<state>.jwk}, so that a new one can be generated. */
    public void archiveCurrent(String state) throws IOException {
        Optional<SigningKey> current = load();
        if (current.isPresent()) {
            PrivateFiles.moveAtomically(file, archivePath(current.get().kid(), state));
        }
    }

    public Path path() {
        return file;
    }

    /**
     * @throws IOException if the file exists but is not a readable Ed25519 private JWK: never silently
     *                     replaced, since that would change the collectivité's identity
     */
    public Optional<SigningKey> load() throws IOException {
        return read(file);
    }

    private static Optional<SigningKey> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> jwk = ProtocolJson.mapper().readValue(Files.readAllBytes(file), JSON_OBJECT);
            return Optional.of(SigningKey.fromJwk(jwk));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + " is not a valid Ed25519 private JWK (" + e.getMessage()
                    + "); restore it from a backup, or move it away and enrol again with a new code", e);
        }
    }

    /** The existing key, or a new one written durably before it is returned. */
    public SigningKey loadOrCreate() throws IOException {
        Optional<SigningKey> existing = load();
        if (existing.isPresent()) {
            return existing.get();
        }
        SigningKey key = SigningKey.generate();
        PrivateFiles.writeAtomically(file, ProtocolJson.write(key.toPrivateJwk()));
        return key;
    }
}
