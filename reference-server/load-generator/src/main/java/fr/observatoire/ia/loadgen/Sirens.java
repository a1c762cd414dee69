package fr.observatoire.ia.loadgen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Valid SIRENs: 8 random digits and the Luhn key that makes the nine check. Starting with 9, no real collectivité's. */
final class Sirens {
    private Sirens() {
    }

    /** {@code count} different SIRENs: random ones collide now and then (256 among 10 million do in 0.3 % of runs). */
    static List<String> distinct(int count) {
        Set<String> sirens = new LinkedHashSet<>();
        while (sirens.size() < count) {
            sirens.add(random());
        }
        return new ArrayList<>(sirens);
    }

    static String random() {
        String body = "9" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return body + luhnKey(body);
    }

    /** The digit that makes {@code eightDigits + digit} pass the Luhn check. */
    static int luhnKey(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < eightDigits.length(); i++) {
            int digit = eightDigits.charAt(i) - '0';
            // Positions from the right in the nine-digit number: the key is position 1, so the last body digit is doubled.
            if ((eightDigits.length() - i) % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
