package fr.observatoire.ia.model;

import java.util.regex.Pattern;

/**
 * Checks of the French public identifiers a declaration carries. Pure functions, no I/O.
 */
public final class Identifiers {
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    /** COG commune code: 5 characters, Corsica uses 2A/2B, overseas 97x. */
    private static final Pattern COMMUNE_INSEE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");
    /** COG département code: 01-95 except 20 (split into 2A and 2B in 1976), 971-976. */
    private static final Pattern DEPARTEMENT_INSEE = Pattern.compile("(0[1-9]|1\\d|2[1-9]|[3-8]\\d|9[0-5]|2[AB]|97[1-6])");
    /** COG région code: two digits. */
    private static final Pattern REGION_INSEE = Pattern.compile("\\d{2}");
    private static final Pattern UAI = Pattern.compile("\\d{7}[A-Z]");
    /** Letters of the UAI key: the alphabet without I, O and Q. */
    private static final String UAI_KEY_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private Identifiers() {
    }

    /** A SIREN is nine digits whose Luhn checksum is 0. */
    public static boolean isValidSiren(String siren) {
        return siren != null && NINE_DIGITS.matcher(siren).matches() && luhnValid(siren);
    }

    public static boolean isValidCommuneCode(String code) {
        return code != null && COMMUNE_INSEE.matcher(code).matches();
    }

    public static boolean isValidDepartementCode(String code) {
        return code != null && DEPARTEMENT_INSEE.matcher(code).matches();
    }

    public static boolean isValidRegionCode(String code) {
        return code != null && REGION_INSEE.matcher(code).matches();
    }

    /**
     * A UAI (school identifier) is seven digits and a key letter: the number modulo 23
     * indexes the alphabet without I, O and Q.
     */
    public static boolean isValidUai(String uai) {
        if (uai == null || !UAI.matcher(uai).matches()) {
            return false;
        }
        int number = Integer.parseInt(uai.substring(0, 7));
        return UAI_KEY_LETTERS.charAt(number % 23) == uai.charAt(7);
    }

    /** The key letter that makes {@code sevenDigits} a valid UAI. */
    public static char uaiKey(String sevenDigits) {
        return UAI_KEY_LETTERS.charAt(Integer.parseInt(sevenDigits) % 23);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
