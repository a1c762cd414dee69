package fr.observatoire.ia.sdk.internal.privacy;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data by its shape in a free text: e-mail and IP addresses, French phone numbers, NIR, IBAN.
 * The IBAN's check digits are verified, so that a reference number in a description does not count as one.
 *
 * <p>It never returns the text it found, only its kind: what it reports (a log, the status) must not become
 * a leak of its own.
 */
public final class PersonalDataScanner {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    /** A sentence may end right after an address; a version number such as 1.2.3.4.5 is longer than one. */
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])" + OCTET + "(?:\\." + OCTET + "){3}(?!\\d|\\.\\d)");
    /** Candidates only: {@link #isIpv6} decides, so that times (10:30) and C++ scopes do not count. */
    private static final Pattern IPV6_CANDIDATE = Pattern.compile("(?<![0-9A-Za-z:])[0-9A-Fa-f:]{3,39}(?![0-9A-Za-z:])");
    /** 0X XX XX XX XX, with spaces, dots or dashes or without, or +33 / 0033 and nine digits. */
    private static final Pattern PHONE_FR = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+|00)33[\\s.-]?(?:\\(0\\)[\\s.-]?)?[1-9]|0[1-9])(?:[\\s.-]?\\d{2}){4}(?!\\d)");
    /**
     * Sex, year, month (or 20-99 for the special cases), département (2A/2B for Corsica), commune, order, optional
     * key. The shape decides, not the key: a number mistyped by one digit still identifies someone.
     */
    private static final Pattern NIR = Pattern.compile(
            "(?<![0-9A-Za-z])([1-478])\\s?(\\d{2})\\s?(0[1-9]|1[0-2]|[2-9]\\d)\\s?(\\d{2}|2[ABab])\\s?(\\d{3})\\s?(\\d{3})(?:\\s?(\\d{2}))?(?![0-9A-Za-z])");
    /** The printed form (groups of four) or the compact one; the check digits decide. */
    private static final Pattern IBAN = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?(?![A-Za-z0-9])");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private PersonalDataScanner() {
    }

    /** The first kind of personal data found in {@code text}, in a fixed order; empty for null or clean text. */
    public static Optional<PersonalDataKind> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        // One pass over the characters decides which patterns can match at all: most register texts have no '@'
        // and few digits, and then no regular expression runs (they cost microseconds each, this nanoseconds).
        int digits = 0;
        int colons = 0;
        boolean at = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == ':') {
                colons++;
            } else if (c == '@') {
                at = true;
            }
        }
        if (at && EMAIL.matcher(text).find()) {
            return Optional.of(PersonalDataKind.EMAIL);
        }
        if (digits >= 4 && IPV4.matcher(text).find()) {
            return Optional.of(PersonalDataKind.IPV4);
        }
        if (digits >= 1 && colons >= 2 && containsIpv6(text)) {
            return Optional.of(PersonalDataKind.IPV6);
        }
        if (digits >= 10 && PHONE_FR.matcher(text).find()) {
            return Optional.of(PersonalDataKind.PHONE_FR);
        }
        if (digits >= 11 && NIR.matcher(text).find()) {
            return Optional.of(PersonalDataKind.NIR);
        }
        if (digits >= 2 && text.length() >= 15 && containsIban(text)) {
            return Optional.of(PersonalDataKind.IBAN);
        }
        return Optional.empty();
    }

    private static boolean containsIpv6(String text) {
        Matcher candidates = IPV6_CANDIDATE.matcher(text);
        while (candidates.find()) {
            if (isIpv6(candidates.group())) {
                return true;
            }
        }
        return false;
    }

    /** RFC 4291 text form: eight groups, or fewer around one {@code ::}; at least two groups (not {@code ::1}) and a digit. */
    static boolean isIpv6(String candidate) {
        if (candidate.chars().noneMatch(Character::isDigit)) {
            // Real addresses have digits; "a::b" or "dead::beef" in a text are not addresses.
            return false;
        }
        int gap = candidate.indexOf("::");
        if (gap >= 0 && candidate.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        if (gap < 0) {
            return groups(candidate) == 8;
        }
        int left = gap == 0 ? 0 : groups(candidate.substring(0, gap));
        int right = gap + 2 == candidate.length() ? 0 : groups(candidate.substring(gap + 2));
        return left >= 0 && right >= 0 && left + right >= 2 && left + right <= 7;
    }

    /** The number of colon-separated groups of 1 to 4 hex digits, or -1 if any group is not one. */
    private static int groups(String part) {
        String[] groups = part.split(":", -1);
        for (String group : groups) {
            if (group.isEmpty() || group.length() > 4) {
                return -1;
            }
        }
        return groups.length;
    }

    private static boolean containsIban(String text) {
        Matcher iban = IBAN.matcher(text);
        while (iban.find()) {
            if (ibanChecks(iban.group().replace(" ", "").toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** ISO 13616: the country code and check digits moved to the end, letters as 10..35, mod 97 is 1. */
    static boolean ibanChecks(String iban) {
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
