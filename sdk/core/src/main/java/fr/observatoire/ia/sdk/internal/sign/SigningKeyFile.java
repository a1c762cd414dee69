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
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Path file;

    public SigningKeyFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /**
     * @throws IOException if the file exists but is not a readable Ed25519 private JWK: never silently
     *                     replaced, since that would change the collectivité's identity
     */
    public Optional<SigningKey> load() throws IOException {
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
