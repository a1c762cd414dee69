package fr.observatoire.ia.server.declaration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code observatoire.declaration.*}: how far a declaration's issuedAt may be from the server's clock on first submission,
 * and how many declarations one batch may carry.
 */
@ConfigMapping(prefix = "observatoire.declaration")
public interface DeclarationConfig {
    /** How far ahead of the server's clock issuedAt may be (clocks drift; beyond, the clock is wrong or the date forged). */
    @WithDefault("PT5M")
    Duration maxFutureSkew();

    /** How old issuedAt may be: a declaration waits in an outbox while the observatory is down, not for seasons. */
    @WithDefault("P90D")
    Duration maxAge();

    /**
     * Most declarations in one batch request. The body limit (max-bytes) applies to the whole batch as well;
     * this bounds the work one request may ask for.
     */
    @WithDefault("500")
    int maxBatch();
}
