package fr.observatoire.ia.server.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code observatoire.declaration.*}: the request body limit (declarations are the largest bodies). */
@ConfigMapping(prefix = "observatoire.declaration")
public interface BodyLimits {
    /** Largest request body accepted, in bytes. */
    @WithDefault("1048576")
    long maxBytes();
}
