package fr.observatoire.ia.server.log;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** {@code observatoire.log.*}: the transparency log's identity and its append pipeline. */
@ConfigMapping(prefix = "observatoire.log")
public interface LogConfig {
    /**
     * The log's origin: the first line of every checkpoint and the name of its key. A log keeps it for
     * life. The default, under the reserved {@code .localhost} domain (RFC 6761), cannot be anybody's
     * real log: an operator sets the observatory's own, e.g. {@code observatoire-ia.departement06.fr/log}.
     */
    @WithDefault(DEFAULT_ORIGIN)
    String origin();

    /** The log's private key (a JWK file); absent: {@code <observatoire.data-dir>/log-key.jwk}, generated at first start. */
    Optional<Path> keyFile();

    /** The most declarations stored and appended in one transaction, under one signed checkpoint. */
    @WithDefault("256")
    int maxBatch();

    /** Declarations verified and waiting for the log; beyond, new ones get 503 overloaded with Retry-After. */
    @WithDefault("4096")
    int queueCapacity();

    String DEFAULT_ORIGIN = "observatoire-ia.localhost/log";
}
