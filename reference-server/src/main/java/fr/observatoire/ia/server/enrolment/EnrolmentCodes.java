package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.Hashes;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One-time enrolment codes, read aloud on the phone or typed from a letter: 16 characters in 4 groups
 * ({@code K7QM-2XWP-9TDR-HC4B}) from an alphabet without look-alikes (no 0/O, 1/I/L, U/V), about 78
 * bits of entropy. Only their SHA-256 is stored.
 */
public final class EnrolmentCodes {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrolmentCodes() {
    }

    public static String generate() {
        StringBuilder code = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                code.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /** The code as people may type it (lower case, without dashes, with spaces) maps to one canonical form. */
    static String normalize(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    /** Lower-case hex SHA-256 of the canonical form: the only thing the database keeps. */
    public static String hash(String typed) {
        return HexFormat.of().formatHex(Hashes.sha256(normalize(typed).getBytes(StandardCharsets.UTF_8)));
    }
}
