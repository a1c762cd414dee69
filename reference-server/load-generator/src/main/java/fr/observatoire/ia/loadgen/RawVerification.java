package fr.observatoire.ia.loadgen;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.jose.PublicJwk;

import java.util.concurrent.TimeUnit;

/**
 * What one core does with nothing else: Bouncy Castle's Ed25519 verification of a declaration's signing
 * input, on one thread, in this process, on this machine. The yardstick the ingestion rate is put next to.
 */
final class RawVerification {
    private RawVerification() {
    }

    /** Verifications per second, after {@code warmupSeconds} of warm-up, over {@code seconds}. */
    static double perSecond(SyntheticCollectivite signer, int warmupSeconds, int seconds) throws JwsException {
        ParsedJws jws = Jws.parse(signer.nextSigned());
        PublicJwk key = signer.key().publicJwk();
        byte[] input = jws.signingInput();
        byte[] signature = jws.signature();
        run(key, input, signature, TimeUnit.SECONDS.toNanos(warmupSeconds));
        long nanos = TimeUnit.SECONDS.toNanos(seconds);
        long count = run(key, input, signature, nanos);
        return count * 1e9 / nanos;
    }

    private static long run(PublicJwk key, byte[] input, byte[] signature, long nanos) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        while (System.nanoTime() < end) {
            if (!key.verify(input, signature)) {
                throw new IllegalStateException("a valid signature did not verify");
            }
            count++;
        }
        return count;
    }
}
