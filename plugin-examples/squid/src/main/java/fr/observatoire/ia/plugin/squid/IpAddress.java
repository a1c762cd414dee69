package fr.observatoire.ia.plugin.squid;

/**
 * Parses IPv4 and IPv6 literals into one 128-bit space (two longs), IPv4 as IPv4-mapped IPv6
 * ({@code ::ffff:a.b.c.d}), so that one subnet table serves both families and a dual-stack Squid that logs
 * {@code ::ffff:10.1.2.3} finds the IPv4 rule.
 *
 * <p>Written by hand rather than with {@code InetAddress.getByName}, which resolves anything that is not a
 * literal through DNS: a log line must never cause a network request.
 */
final class IpAddress {
    static final long V4_MAPPED_HIGH = 0L;
    static final long V4_MAPPED_LOW_PREFIX = 0x0000_FFFF_0000_0000L;

    private IpAddress() {
    }

    /** A parsed address: high and low 64 bits. */
    record Bits(long high, long low, boolean v4) {
    }

    /** The address, or null if {@code text} is not an IPv4 or IPv6 literal. Brackets and a zone ({@code %eth0}) are accepted. */
    static Bits parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        String s = text;
        if (s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (s.indexOf(':') < 0) {
            long v4 = parseV4(s, 0, s.length());
            return v4 < 0 ? null : new Bits(V4_MAPPED_HIGH, V4_MAPPED_LOW_PREFIX | v4, true);
        }
        return parseV6(s);
    }

    /** Dotted quad, each part 0-255 without sign; -1 if invalid. */
    static long parseV4(String s, int from, int to) {
        long value = 0;
        int parts = 0;
        int i = from;
        while (parts < 4) {
            int start = i;
            int part = 0;
            while (i < to && i - start < 3 && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                part = part * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || part > 255) {
                return -1;
            }
            value = (value << 8) | part;
            parts++;
            if (parts < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? value : -1;
    }

    private static Bits parseV6(String s) {
        int[] groups = new int[8];
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        int count;
        if (doubleColon < 0) {
            count = parseGroups(s, 0, s.length(), groups, 0);
            if (count != 8) {
                return null;
            }
        } else {
            int[] tail = new int[8];
            int head = doubleColon == 0 ? 0 : parseGroups(s, 0, doubleColon, groups, 0);
            int tailCount = doubleColon + 2 == s.length() ? 0 : parseGroups(s, doubleColon + 2, s.length(), tail, 0);
            if (head < 0 || tailCount < 0 || head + tailCount > 7) {
                return null;
            }
            System.arraycopy(tail, 0, groups, 8 - tailCount, tailCount);
        }
        long high = 0;
        long low = 0;
        for (int g = 0; g < 4; g++) {
            high = (high << 16) | groups[g];
            low = (low << 16) | groups[g + 4];
        }
        boolean v4 = high == 0 && (low >>> 32) == 0xFFFFL;
        return new Bits(high, low, v4);
    }

    /**
     * Parses colon-separated hex groups of {@code s[from, to)} into {@code out} from {@code at}; the last group may
     * be a dotted quad (two groups). Returns the number of groups, or -1 if invalid.
     */
    private static int parseGroups(String s, int from, int to, int[] out, int at) {
        int n = at;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && s.charAt(i) != ':') {
                int digit = Character.digit(s.charAt(i), 16);
                if (digit < 0 || s.charAt(i) > 127) {
                    // an embedded IPv4 (::ffff:10.1.2.3) is only allowed as the very end of the address
                    if (to != s.length() || s.indexOf(':', start) >= 0) {
                        return -1;
                    }
                    long v4 = parseV4(s, start, to);
                    if (v4 < 0 || n > 6) {
                        return -1;
                    }
                    out[n++] = (int) (v4 >>> 16);
                    out[n++] = (int) (v4 & 0xFFFF);
                    return n;
                }
                value = (value << 4) | digit;
                i++;
                if (i - start > 4) {
                    return -1;
                }
            }
            if (i == start || n >= 8) {
                return -1;
            }
            out[n++] = value;
            if (i == to) {
                return n;
            }
            i++; // skip ':'
            if (i == to) {
                return -1; // trailing single colon
            }
        }
    }
}
