package fr.observatoire.ia.plugin.squid;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes realistic Squid native access.log content for tests, demos and benchmarks: the traffic of a town
 * hall behind a proxy (public-service sites, Microsoft updates, news, a crypto exchange called Gemini as a
 * decoy) with a share of requests to public AI services, HTTPS {@code CONNECT} tunnels and plain
 * {@code GET}s, authenticated users and anonymous ones ({@code -}), proxy denials and authentication
 * challenges, and optionally garbage lines.
 *
 * <p>Deterministic: the same settings and seed give the same bytes, so that a benchmark or a failing test
 * can be rerun. Immutable: each setter returns a new generator. Every address is private (RFC 1918) or
 * for documentation (RFC 3849, RFC 5737), every user name is made up.
 */
public final class SquidLogGenerator {
    /** AI hosts, repeated by weight; every one matches the built-in catalogue. */
    private static final String[] AI_HOSTS = weighted(
            "chatgpt.com", 8, "cdn.oaistatic.com", 3, "files.oaiusercontent.com", 2, "api.openai.com", 1,
            "claude.ai", 2, "gemini.google.com", 3, "copilot.microsoft.com", 3, "chat.mistral.ai", 3,
            "www.perplexity.ai", 1, "chat.deepseek.com", 1, "grok.com", 1, "www.meta.ai", 1, "www.deepl.com", 3,
            "albert.numerique.gouv.fr", 1);
    /** Everyday hosts, none in the catalogue; www.gemini.com and chatgpt-gratuit.fr are decoys that must not match. */
    private static final String[] OTHER_HOSTS = weighted(
            "www.service-public.fr", 6, "www.legifrance.gouv.fr", 5, "update.microsoft.com", 4,
            "login.microsoftonline.com", 5, "outlook.office365.com", 6, "www.google.com", 6, "fonts.googleapis.com", 3,
            "www.impots.gouv.fr", 2, "www.data.gouv.fr", 2, "www.insee.fr", 2, "www.collectivites-locales.gouv.fr", 2,
            "www.amf.asso.fr", 1, "www.cnil.fr", 1, "www.boamp.fr", 2, "www.marches-publics.gouv.fr", 1,
            "chorus-pro.gouv.fr", 2, "ants.gouv.fr", 1, "www.caf.fr", 1, "fr.wikipedia.org", 3, "www.youtube.com", 2,
            "www.lemonde.fr", 1, "www.nicematin.com", 2, "www.departement06.fr", 2, "ocsp.digicert.com", 3,
            "ctldl.windowsupdate.com", 2, "detectportal.firefox.com", 1, "www.gemini.com", 1, "chatgpt-gratuit.fr", 1);
    private static final String[] PATHS = {"/", "/index.html", "/fr/actualites", "/static/app.js", "/img/logo.png",
            "/api/v1/status", "/recherche?q=deliberation", "/favicon.ico", "/css/main.css"};
    private static final String[] MIME = {"text/html", "text/html", "application/javascript", "image/png", "text/css",
            "application/json", "application/ocsp-response"};
    private static final String[] FIRST = {"a", "b", "c", "d", "e", "f", "g", "h", "j", "l", "m", "n", "p", "s", "t", "v"};
    private static final String[] LAST = {"dupont", "martin", "bernard", "thomas", "petit", "robert", "richard", "durand",
            "dubois", "moreau", "laurent", "simon", "michel", "lefebvre", "leroy", "roux", "david", "bertrand", "morel",
            "fournier", "girard", "bonnet", "garcia", "rossi"};
    private static final String[] SUBNETS = {"10.1.2.", "10.1.3.", "10.2.7.", "10.2.8.", "172.16.5."};

    private final long seed;
    private final double aiShare;
    private final double refusedShare;
    private final double anonymousShare;
    private final double garbageShare;
    private final int users;
    private final long startMillis;

    private SquidLogGenerator(long seed, double aiShare, double refusedShare, double anonymousShare, double garbageShare,
                              int users, long startMillis) {
        this.seed = seed;
        this.aiShare = share(aiShare, "aiShare");
        this.refusedShare = share(refusedShare, "refusedShare");
        this.anonymousShare = share(anonymousShare, "anonymousShare");
        this.garbageShare = share(garbageShare, "garbageShare");
        if (users < 1 || users > 100_000) {
            throw new IllegalArgumentException("users must be 1 to 100000, was " + users);
        }
        this.users = users;
        this.startMillis = startMillis;
    }

    /** 4 % AI traffic, 10 % of it refused, 40 % anonymous lines, no garbage, 60 users, from 2024-06-10. */
    public static SquidLogGenerator withSeed(long seed) {
        return new SquidLogGenerator(seed, 0.04, 0.10, 0.40, 0.0, 60, 1_718_000_000_000L);
    }

    /** Share of lines that go to a public AI service. */
    public SquidLogGenerator aiShare(double share) {
        return new SquidLogGenerator(seed, share, refusedShare, anonymousShare, garbageShare, users, startMillis);
    }

    /** Share of AI lines the proxy denies (403) or challenges (407). */
    public SquidLogGenerator refusedShare(double share) {
        return new SquidLogGenerator(seed, aiShare, share, anonymousShare, garbageShare, users, startMillis);
    }

    /** Share of lines without an authenticated user. */
    public SquidLogGenerator anonymousShare(double share) {
        return new SquidLogGenerator(seed, aiShare, refusedShare, share, garbageShare, users, startMillis);
    }

    /** Share of lines that are not access.log lines at all. */
    public SquidLogGenerator garbageShare(double share) {
        return new SquidLogGenerator(seed, aiShare, refusedShare, anonymousShare, share, users, startMillis);
    }

    /** Number of distinct named users. */
    public SquidLogGenerator users(int count) {
        return new SquidLogGenerator(seed, aiShare, refusedShare, anonymousShare, garbageShare, count, startMillis);
    }

    /** Time of the first line, in milliseconds since the epoch. */
    public SquidLogGenerator startMillis(long millis) {
        return new SquidLogGenerator(seed, aiShare, refusedShare, anonymousShare, garbageShare, users, millis);
    }

    /**
     * What was written.
     *
     * @param lines        lines written
     * @param aiLines      lines to a public AI service of the built-in catalogue, served or not
     * @param aiServed     of those, the ones Squid served (what the scanner counts as activity)
     * @param garbageLines lines that are not access.log lines
     * @param bytes        bytes written (uncompressed)
     * @param lastMillis   time of the last line, to start a continuation after it
     */
    public record GeneratedLog(long lines, long aiLines, long aiServed, long garbageLines, long bytes, long lastMillis) {
        public long aiRefused() {
            return aiLines - aiServed;
        }
    }

    /** Writes {@code lines} lines, each ended by '\n'. */
    public GeneratedLog write(Appendable out, long lines) throws IOException {
        return new Run().write(out, lines);
    }

    /** Creates or replaces {@code file}; gzip-compressed if its name ends with ".gz". */
    public GeneratedLog write(Path file, long lines) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file)) {
            return file.getFileName().toString().endsWith(".gz") ? writeGzip(raw, lines) : writePlain(raw, lines);
        }
    }

    /** Appends {@code lines} lines to {@code file} (created if absent), as Squid does. */
    public GeneratedLog append(Path file, long lines) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            return writePlain(raw, lines);
        }
    }

    /** The lines, for small tests. */
    public List<String> lines(int count) {
        StringBuilder out = new StringBuilder();
        try {
            write(out, count);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not throw
        }
        List<String> result = new ArrayList<>(count);
        int start = 0;
        for (int i = out.indexOf("\n"); i >= 0; i = out.indexOf("\n", start)) {
            result.add(out.substring(start, i));
            start = i + 1;
        }
        return result;
    }

    private GeneratedLog writePlain(OutputStream raw, long lines) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
        GeneratedLog log = write(writer, lines);
        writer.flush();
        return log;
    }

    private GeneratedLog writeGzip(OutputStream raw, long lines) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16);
        GeneratedLog log = writePlain(gzip, lines);
        gzip.finish();
        return log;
    }

    /** One pass: the random state and the counts. */
    private final class Run {
        private final SplittableRandom random = new SplittableRandom(seed);
        private final String[] userNames = new String[users];
        private final String[] userAddresses = new String[users];
        private final StringBuilder line = new StringBuilder(256);
        private long millis = startMillis;
        private long aiLines;
        private long aiServed;
        private long garbageLines;
        private long bytes;

        Run() {
            Set<String> taken = new HashSet<>();
            for (int i = 0; i < users; i++) {
                String name = FIRST[random.nextInt(FIRST.length)] + LAST[random.nextInt(LAST.length)];
                userNames[i] = taken.add(name) ? name : name + i;
                userAddresses[i] = randomAddress();
            }
        }

        GeneratedLog write(Appendable out, long lines) throws IOException {
            if (lines < 0) {
                throw new IllegalArgumentException("lines must be >= 0, was " + lines);
            }
            for (long i = 0; i < lines; i++) {
                line.setLength(0);
                millis += random.nextInt(250);
                double dice = random.nextDouble();
                if (dice < garbageShare) {
                    garbage();
                    garbageLines++;
                } else if (dice < garbageShare + aiShare) {
                    ai();
                } else {
                    other();
                }
                line.append('\n');
                bytes += line.length();
                out.append(line);
            }
            return new GeneratedLog(lines, aiLines, aiServed, garbageLines, bytes, millis);
        }

        private void ai() {
            aiLines++;
            String host = AI_HOSTS[random.nextInt(AI_HOSTS.length)];
            boolean connect = !host.equals("www.deepl.com") || random.nextInt(3) > 0;
            int who = who();
            if (random.nextDouble() < refusedShare) {
                boolean challenge = random.nextBoolean();
                request(host, connect, challenge ? -1 : who, challenge ? "TCP_DENIED/407" : "TCP_DENIED/403", false);
            } else {
                aiServed++;
                request(host, connect, who, connect ? "TCP_TUNNEL/200" : "TCP_MISS/200", true);
            }
        }

        private void other() {
            String host = OTHER_HOSTS[random.nextInt(OTHER_HOSTS.length)];
            boolean connect = random.nextInt(10) < 7;
            int who = who();
            if (connect) {
                boolean challenge = random.nextInt(20) == 0;
                request(host, true, challenge ? -1 : who, challenge ? "TCP_DENIED/407" : "TCP_TUNNEL/200", !challenge);
                return;
            }
            int kind = random.nextInt(20);
            String code = kind < 12 ? "TCP_MISS/200" : kind < 14 ? "TCP_MEM_HIT/200" : kind < 16 ? "TCP_REFRESH_UNMODIFIED/304"
                    : kind < 18 ? "TCP_MISS/301" : kind < 19 ? "TCP_MISS/404" : "TCP_DENIED/403";
            request(host, false, who, code, kind < 12 || kind >= 14 && kind < 19);
        }

        /** A named user's index, or -1 for an anonymous line. */
        private int who() {
            return random.nextDouble() < anonymousShare ? -1 : random.nextInt(users);
        }

        /** {@code %ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt} */
        private void request(String host, boolean connect, int who, String codeStatus, boolean direct) {
            line.append(millis / 1000).append('.');
            pad(millis % 1000, 3, '0');
            line.append(' ');
            pad(connect ? 40 + random.nextInt(120_000) : 1 + random.nextInt(900), 6, ' ');
            // Anonymous lines come from the same workstations, without authentication.
            line.append(' ').append(userAddresses[who >= 0 ? who : random.nextInt(users)]);
            line.append(' ').append(codeStatus);
            line.append(' ').append(codeStatus.startsWith("TCP_DENIED") ? 3_800 + random.nextInt(400) : 200 + random.nextInt(80_000));
            if (connect) {
                line.append(" CONNECT ").append(host).append(":443");
            } else {
                line.append(" GET http://").append(host).append(host.endsWith("deepl.com") ? "/translator" : PATHS[random.nextInt(PATHS.length)]);
            }
            line.append(' ').append(who >= 0 ? userNames[who] : "-");
            if (direct && !codeStatus.contains("HIT")) {
                line.append(" HIER_DIRECT/").append(serverAddress(host));
            } else {
                line.append(" HIER_NONE/-");
            }
            line.append(' ').append(connect && !codeStatus.startsWith("TCP_DENIED") ? "-" : MIME[random.nextInt(MIME.length)]);
        }

        /** Lines that are not access.log lines, each malformed for the parser in its own way. */
        private void garbage() {
            switch (random.nextInt(5)) {
                case 0 -> line.append(millis / 1000).append(".123    245 ").append(randomAddress()).append(" TCP_TUNNEL/200"); // cut short
                case 1 -> line.append("yesterday 245 10.9.9.9 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 - HIER_DIRECT/203.0.113.7 -");
                case 2 -> line.append("2024/06/10 12:00:00| storeDirWriteCleanLogs: Starting...");
                case 3 -> {
                    for (int i = 0, n = 5 + random.nextInt(60); i < n; i++) {
                        line.append((char) ('!' + random.nextInt(94)));
                    }
                }
                default -> line.append(millis / 1000).append(".5 12 10.9.9.9 TCP_MISS/2000 1 GET http://claude.ai/ - HIER_NONE/- -");
            }
        }

        private String randomAddress() {
            if (random.nextInt(20) == 0) {
                return "2001:db8:10::" + Integer.toHexString(1 + random.nextInt(0xfffe));
            }
            return SUBNETS[random.nextInt(SUBNETS.length)] + (10 + random.nextInt(240));
        }

        private String serverAddress(String host) {
            // TEST-NET-3 (RFC 5737): documentation addresses, stable per host.
            return "203.0.113." + (1 + Math.floorMod(host.hashCode(), 254));
        }

        private void pad(long value, int width, char fill) {
            String digits = Long.toString(value);
            for (int i = digits.length(); i < width; i++) {
                line.append(fill);
            }
            line.append(digits);
        }
    }

    private static String[] weighted(Object... hostsAndWeights) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < hostsAndWeights.length; i += 2) {
            for (int w = 0; w < (Integer) hostsAndWeights[i + 1]; w++) {
                hosts.add((String) hostsAndWeights[i]);
            }
        }
        return hosts.toArray(String[]::new);
    }

    private static double share(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
        return value;
    }
}
