package fr.observatoire.ia.server.log;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.tlog.NoteSigner;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/**
 * The key that signs the log's checkpoints, named by the log's origin (C2SP signed notes). Read from
 * {@code observatoire.log.key-file}, or generated at first start into {@code <data-dir>/log-key.jwk}.
 */
// At start-up, not on first use: a missing or unreadable key must stop the server before it answers.
@Startup
@ApplicationScoped
public class LogKey {
    static final String DEFAULT_FILE_NAME = "log-key.jwk";
    private static final Logger LOG = Logger.getLogger(LogKey.class);

    private final NoteSigner signer;
    private final NoteVerifier verifier;

    @Inject
    LogKey(LogConfig config, @ConfigProperty(name = "observatoire.data-dir", defaultValue = "./data") Path dataDir) {
        this(config.origin(), config.keyFile().orElse(dataDir.resolve(DEFAULT_FILE_NAME)));
    }

    public LogKey(String origin, Path keyFile) {
        LogKeyFile file = new LogKeyFile(keyFile);
        SigningKey key = file.loadOrCreate();
        try {
            this.signer = new NoteSigner(origin, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("observatoire.log.origin '" + origin + "' is not a valid log origin: one line, "
                    + "no spaces and no '+', e.g. observatoire-ia.departement06.fr/log", e);
        }
        this.verifier = signer.verifier();
        if (origin.equals(LogConfig.DEFAULT_ORIGIN)) {
            LOG.warnf("observatoire.log.origin is the default '%s': set the observatory's own before publishing the log key", origin);
        }
        LOG.infof("Transparency log %s, verifier key %s (key file %s)", origin, verifier.vkey(), keyFile.toAbsolutePath());
    }

    public String origin() {
        return verifier.name();
    }

    /** Signs a note (a checkpoint's text). */
    public String sign(String text) {
        return signer.sign(text);
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    /** The C2SP verifier key {@code <origin>+<key id>+<base64 key>} that checks the log's signatures. */
    public String vkey() {
        return verifier.vkey();
    }
}
