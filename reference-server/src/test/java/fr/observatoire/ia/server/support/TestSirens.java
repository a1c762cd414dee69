package fr.observatoire.ia.server.support;

import fr.observatoire.ia.model.Identifiers;

import java.util.concurrent.ThreadLocalRandom;

/** Valid SIRENs for tests. Test classes share one database, so most tests take fresh random ones. */
public final class TestSirens {
    /** The commune of Nice. */
    public static final String NICE = "210600888";

    private TestSirens() {
    }

    /** A random SIREN with a valid Luhn key, outside the ranges of real collectivités (they start with 2). */
    public static String random() {
        String prefix = "9" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        for (int key = 0; key < 10; key++) {
            if (Identifiers.isValidSiren(prefix + key)) {
                return prefix + key;
            }
        }
        throw new AssertionError("a Luhn key always exists");
    }
}
