package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many declarations one collectivité may send: a token bucket per SIREN (the SIREN of the verified signer, so
 * an anonymous client cannot spend anyone's quota), {@code quota-burst} at once, refilled at {@code quota-per-minute}.
 * It keeps one enrolled key, compromised or buggy, from filling the ingestion queue that every collectivité
 * shares: it is refused with 429 and the others go on. A collectivité declares once a week or a month; the burst
 * covers an outbox catching up after months of outage. One bucket per SIREN that ever declared since the start:
 * bounded by the number of enrolled collectivités.
 */
@ApplicationScoped
public class SirenQuota {
    private final long burst;
    private final double perNano;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    SirenQuota(DeclarationConfig config) {
        this(config.quotaBurst(), config.quotaPerMinute(), System::nanoTime);
    }

    SirenQuota(long burst, long perMinute, LongSupplier clock) {
        this.burst = burst;
        this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.clock = clock;
    }

    /** Takes one declaration from the SIREN's quota, or refuses with 429 rate-limited and the seconds to wait. */
    void take(String siren) {
        if (burst <= 0) {
            return;
        }
        long waitNanos = buckets.computeIfAbsent(siren, ignored -> new Bucket(burst, clock.getAsLong())).take(burst, perNano, clock.getAsLong());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
            throw new ApiProblem(ProblemType.RATE_LIMITED, "SIREN " + siren + " has sent more declarations than its quota ("
                    + burst + " at once, then " + Math.round(perNano * TimeUnit.MINUTES.toNanos(1)) + " per minute); retry in "
                    + seconds + " s", Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    /** Tokens and when they were last counted; guarded by its own monitor (one SIREN's requests are few). */
    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(long tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** @return 0 when a token was taken, else the nanoseconds until one is available */
        synchronized long take(long burst, double perNano, long now) {
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return perNano <= 0 ? Long.MAX_VALUE / 2 : (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
