package fr.observatoire.ia.server.declaration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code observatoire.declaration.*}: how far a declaration's issuedAt may be from the server's clock on first submission,
 * how many declarations one batch may carry, and each collectivité's quota.
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

    /**
     * Declarations one collectivité (SIREN) may send at once before {@link #quotaPerMinute()} applies; 0 turns the
     * quota off. The default covers more than a year of weekly declarations caught up at once.
     */
    @WithDefault("200")
    long quotaBurst();

    /** How fast a collectivité's quota refills, in declarations per minute. */
    @WithDefault("60")
    long quotaPerMinute();
}
