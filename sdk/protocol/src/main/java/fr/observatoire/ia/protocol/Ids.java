package fr.observatoire.ia.protocol;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then random bits; sortable by time. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID uuidV7(Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long millis = at.toEpochMilli();
        long msb = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0x8000000000000000L | (((long) random[2] & 0x3F) << 56);
        for (int i = 3; i < 10; i++) {
            lsb |= ((long) random[i] & 0xFF) << (8 * (9 - i));
        }
        return new UUID(msb, lsb);
    }
}
