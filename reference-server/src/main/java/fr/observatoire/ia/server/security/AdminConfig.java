package fr.observatoire.ia.server.security;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** {@code observatoire.admin.*}. */
@ConfigMapping(prefix = "observatoire.admin")
public interface AdminConfig {
    /** Bearer token of the admin API; when absent, one is generated into the data directory. */
    Optional<String> token();
}
