package fr.observatoire.ia.plugin.squid;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses lines of Squid's native access.log format:
 * <pre>logformat squid %ts.%03tu %6tr %&gt;a %Ss/%03&gt;Hs %&lt;st %rm %ru %[un %Sh/%&lt;a %mt</pre>
 * e.g. {@code 1718000000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/104.18.32.47 -}.
 *
 * <p>Works on bytes, field boundaries found by walking runs of blanks, without regular expressions or
 * per-field strings: a proxy log has millions of lines and only a few are about AI, so the parser only
 * allocates what the caller asks for ({@link #host()} for every line, the client and user for the few
 * lines that matter). For the same reason an instance is a reusable flyweight, not thread-safe: one per
 * scanning thread.
 *
 * <p>It never throws on content: a line that does not have the shape of the format makes {@link #parse}
 * return false, and the caller counts it.
 */
public final class SquidLineParser {
    /** ts, elapsed, client, code/status, bytes, method, URL: split on every line. The user and what follows are split on demand. */
    private static final int HEAD_FIELDS = 7;
    private static final int TS = 0;
    private static final int ELAPSED = 1;
    private static final int CLIENT = 2;
    private static final int CODE_STATUS = 3;
    private static final int METHOD = 5;
    private static final int URL = 6;
    private static final byte[] CONNECT = "CONNECT".getBytes(StandardCharsets.US_ASCII);

    private final int[] starts = new int[HEAD_FIELDS];
    private final int[] ends = new int[HEAD_FIELDS];

    // The current line. The buffer reference is dropped by clear(), so that a parser kept around does not
    // keep the last line (with its IP address and user name) reachable.
    private byte[] buf;
    /** Where the fields after the URL start, and the end of the line. */
    private int tailStart;
    private int lineEnd;
    private int hostStart;
    private int hostEnd;
    private long timestampMillis;
    private int status;
    private boolean connect;

    /**
     * Parses {@code bytes[from, to)} (one line, without its line terminator). Returns false, and keeps
     * nothing, if the line does not have the shape of the native format.
     */
    public boolean parse(byte[] bytes, int from, int to) {
        buf = null;
        if (bytes == null || from < 0 || to > bytes.length || from >= to) {
            return false;
        }
        int afterUrl = split(bytes, from, to);
        if (afterUrl < 0 || !hasField(bytes, afterUrl, to)) {
            return false; // fewer than 8 fields: not even a user field
        }
        long ts = parseTimestamp(bytes, starts[TS], ends[TS]);
        if (ts < 0 || !isInteger(bytes, starts[ELAPSED], ends[ELAPSED])) {
            return false;
        }
        int st = parseStatus(bytes, starts[CODE_STATUS], ends[CODE_STATUS]);
        if (st < 0) {
            return false;
        }
        boolean isConnect = equalsAscii(bytes, starts[METHOD], ends[METHOD], CONNECT);
        if (!findHost(bytes, starts[URL], ends[URL], isConnect)) {
            return false;
        }
        tailStart = afterUrl;
        lineEnd = to;
        timestampMillis = ts;
        status = st;
        connect = isConnect;
        buf = bytes;
        return true;
    }

    /** Parses one line given as text; for tests and tools, the scanner uses {@link #parse(byte[], int, int)}. */
    public static Optional<SquidLogLine> parseLine(String line) {
        if (line == null) {
            return Optional.empty();
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        SquidLineParser parser = new SquidLineParser();
        if (!parser.parse(bytes, 0, bytes.length)) {
            return Optional.empty();
        }
        SquidLogLine parsed = new SquidLogLine(parser.timestampMillis(), parser.host(), parser.isConnect(),
                parser.status(), parser.clientAddress(), parser.user());
        parser.clear();
        return Optional.of(parsed);
    }

    /** Forgets the last line. */
    public void clear() {
        buf = null;
    }

    public long timestampMillis() {
        requireLine();
        return timestampMillis;
    }

    public int status() {
        requireLine();
        return status;
    }

    /** Whether Squid served the request (status 1xx to 3xx). */
    public boolean isSuccessful() {
        requireLine();
        return status >= 100 && status < 400;
    }

    public boolean isConnect() {
        requireLine();
        return connect;
    }

    /** Lower-case host of the request, without port, brackets or trailing dot; empty if the request had none. */
    public String host() {
        requireLine();
        if (hostStart == hostEnd) {
            return "";
        }
        // ISO-8859-1 maps bytes to chars one to one, the cheapest decoding; a host is ASCII (IDNs are punycode),
        // and a non-ASCII one simply matches nothing.
        String host = new String(buf, hostStart, hostEnd - hostStart, StandardCharsets.ISO_8859_1);
        return hasUpperCase(buf, hostStart, hostEnd) ? host.toLowerCase(Locale.ROOT) : host;
    }

    /** The client address as logged. Personal data: hand it to the subnet map and to agentActive only. */
    public String clientAddress() {
        requireLine();
        return new String(buf, starts[CLIENT], ends[CLIENT] - starts[CLIENT], StandardCharsets.ISO_8859_1);
    }

    /** The authenticated user, or null when Squid logged {@code -}. Personal data: hand it to agentActive only. */
    public String user() {
        requireLine();
        // The native format has 10 fields; more come from blanks inside the URL (uri_whitespace allow), so the
        // user is the third field from the end (user, hierarchy/peer, MIME type). Walking back from the end, the
        // last field found is the third from the end, or, on a line of 8 or 9 fields, the 8th.
        int s = -1;
        int e = -1;
        int i = lineEnd;
        for (int found = 0; found < 3; found++) {
            while (i > tailStart && isBlank(buf[i - 1])) {
                i--;
            }
            if (i == tailStart) {
                break;
            }
            e = i;
            while (i > tailStart && !isBlank(buf[i - 1])) {
                i--;
            }
            s = i;
        }
        if (e - s == 1 && buf[s] == '-') {
            return null;
        }
        return new String(buf, s, e - s, StandardCharsets.UTF_8);
    }

    private void requireLine() {
        if (buf == null) {
            throw new IllegalStateException("no parsed line: parse() returned false or was not called");
        }
    }

    /**
     * Records the boundaries of the first {@link #HEAD_FIELDS} fields; returns the offset just after the last of
     * them, or -1 if the line has fewer. The rest of the line is not looked at: most lines need nothing from it.
     */
    private int split(byte[] b, int from, int to) {
        int n = 0;
        int i = from;
        while (n < HEAD_FIELDS) {
            while (i < to && isBlank(b[i])) {
                i++;
            }
            if (i == to) {
                return -1;
            }
            starts[n] = i;
            while (i < to && !isBlank(b[i])) {
                i++;
            }
            ends[n] = i;
            n++;
        }
        return i;
    }

    private static boolean hasField(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isBlank(b[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    /** {@code seconds[.fraction]}: at most 11 digits of seconds (year 5138), the fraction read as milliseconds. */
    static long parseTimestamp(byte[] b, int s, int e) {
        long seconds = 0;
        int i = s;
        while (i < e && isDigit(b[i])) {
            seconds = seconds * 10 + (b[i] - '0');
            i++;
        }
        int secondDigits = i - s;
        if (secondDigits == 0 || secondDigits > 11) {
            return -1;
        }
        long millis = 0;
        if (i < e) {
            if (b[i] != '.') {
                return -1;
            }
            i++;
            int fractionStart = i;
            int scale = 100;
            while (i < e && isDigit(b[i])) {
                if (scale > 0) {
                    millis += (long) (b[i] - '0') * scale;
                    scale /= 10;
                }
                i++;
            }
            if (i != e || i == fractionStart) {
                return -1;
            }
        }
        return seconds * 1000 + millis;
    }

    /** {@code CODE/status} as in {@code TCP_TUNNEL/200}: the status is the 1 to 3 digits after the last slash. */
    static int parseStatus(byte[] b, int s, int e) {
        int slash = -1;
        for (int i = e - 1; i >= s; i--) {
            if (b[i] == '/') {
                slash = i;
                break;
            }
        }
        if (slash <= s || e - slash - 1 < 1 || e - slash - 1 > 3) {
            return -1;
        }
        int status = 0;
        for (int i = slash + 1; i < e; i++) {
            if (!isDigit(b[i])) {
                return -1;
            }
            status = status * 10 + (b[i] - '0');
        }
        return status;
    }

    private static boolean isInteger(byte[] b, int s, int e) {
        int i = s < e && b[s] == '-' ? s + 1 : s;
        if (i == e) {
            return false;
        }
        for (; i < e; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds the host in the URL field: {@code host:port} for CONNECT, else the authority of
     * {@code scheme://[userinfo@]host[:port]/...}. A URL without authority ({@code error:invalid-request},
     * a bare path) is a valid line without host. Returns false only for a field that cannot be a URL.
     */
    private boolean findHost(byte[] b, int s, int e, boolean isConnect) {
        int authorityStart;
        if (isConnect) {
            authorityStart = s;
        } else {
            int sep = indexOf(b, s, e, "://");
            if (sep < 0 || !isScheme(b, s, sep)) {
                hostStart = hostEnd = s;
                return true;
            }
            authorityStart = sep + 3;
        }
        int authorityEnd = authorityStart;
        while (authorityEnd < e && b[authorityEnd] != '/' && b[authorityEnd] != '?' && b[authorityEnd] != '#') {
            authorityEnd++;
        }
        int hs = authorityStart;
        for (int i = authorityEnd - 1; i >= authorityStart; i--) {
            if (b[i] == '@') {
                hs = i + 1;
                break;
            }
        }
        int he;
        if (hs < authorityEnd && b[hs] == '[') {
            // [IPv6 literal]:port
            he = hs + 1;
            while (he < authorityEnd && b[he] != ']') {
                he++;
            }
            if (he == authorityEnd) {
                return false;
            }
            hs++;
        } else {
            he = hs;
            while (he < authorityEnd && b[he] != ':') {
                he++;
            }
        }
        while (he > hs && b[he - 1] == '.') {
            he--;
        }
        hostStart = hs;
        hostEnd = he;
        return true;
    }

    /** RFC 3986 scheme: a letter then letters, digits, '+', '-', '.'; so that "/a?u=http://x" has no host. */
    private static boolean isScheme(byte[] b, int s, int e) {
        if (s == e || !isLetter(b[s])) {
            return false;
        }
        for (int i = s + 1; i < e; i++) {
            byte c = b[i];
            if (!(isLetter(c) || isDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int indexOf(byte[] b, int s, int e, String ascii) {
        int n = ascii.length();
        outer:
        for (int i = s; i + n <= e; i++) {
            for (int j = 0; j < n; j++) {
                if (b[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean equalsAscii(byte[] b, int s, int e, byte[] expected) {
        if (e - s != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b[s + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasUpperCase(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] >= 'A' && b[i] <= 'Z') {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
