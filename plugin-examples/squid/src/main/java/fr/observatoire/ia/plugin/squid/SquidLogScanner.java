package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a Squid access.log (plain or gzip) from a cursor and records, for every request to a public AI
 * service of the catalogue, one {@link ActionKind#WEB_ACCESS} on the usage named after the service, under the
 * collectivité service of the client's subnet, and the agent as active on that usage.
 *
 * <p><b>Privacy.</b> The client address and the user name of a line are read only for lines about an AI
 * service, handed to {@link SubnetServiceMap#serviceOf} and to {@link Observatory#agentActive} (which
 * pseudonymises them with the collectivité's secret on the spot), and dropped. This class keeps none of them,
 * logs nothing, and returns only counts ({@link ScanResult}). Lines about other sites are not looked at beyond
 * their time, status and host name.
 *
 * <p><b>Cursor.</b> A scan starts at a {@link ScanCursor} and returns the next one: the end of the last complete
 * line (a line still being written is left for next time, except in a .gz, which is final). If the log was
 * rotated or truncated since the cursor (its first bytes changed, or it is shorter than the cursor), the rest
 * of the rotated file is read first when it is found next to the log ({@code access.log.1},
 * {@code access.log-20260101.gz}, ...), then the new log from its start: nothing is counted twice, and nothing
 * is lost as long as the rotated file is kept until the next scan.
 *
 * <p>Thread-safe: scans of different files may run concurrently. A bad line never throws. An unreadable log
 * throws {@link IOException} before anything is counted; once something is counted, an I/O error ends the
 * scan with a result whose cursor is where it stopped and whose {@link ScanResult#problem()} says why, so
 * that what was counted is never counted again.
 */
public final class SquidLogScanner {
    private final Observatory observatory;
    private final AiServiceCatalogue catalogue;
    private final SubnetServiceMap subnets;
    /** Counter handles per AI service id, indexed by Service ordinal: looked up once, then reused on every line. */
    private final Map<String, ActivityCounter[]> counters = new ConcurrentHashMap<>();

    public SquidLogScanner(Observatory observatory, AiServiceCatalogue catalogue, SubnetServiceMap subnets) {
        this.observatory = Objects.requireNonNull(observatory, "observatory");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.subnets = Objects.requireNonNull(subnets, "subnets");
    }

    /** With the built-in catalogue and every client in {@link Service#TRANSVERSAL}. */
    public SquidLogScanner(Observatory observatory) {
        this(observatory, AiServiceCatalogue.builtIn(), SubnetServiceMap.empty());
    }

    public AiServiceCatalogue catalogue() {
        return catalogue;
    }

    /** Scans the whole file. */
    public ScanResult scan(Path log) throws IOException {
        return scan(log, ScanCursor.START, ScanProgress.NONE);
    }

    /** Scans from {@code from} (null: from the start) to the end of the last complete line. */
    public ScanResult scan(Path log, ScanCursor from) throws IOException {
        return scan(log, from, ScanProgress.NONE);
    }

    /** Scans from {@code from} (null: from the start), telling {@code progress} how far it is. */
    public ScanResult scan(Path log, ScanCursor from, ScanProgress progress) throws IOException {
        ScanCursor start = from == null ? ScanCursor.START : from;
        ScanProgress listener = progress == null ? ScanProgress.NONE : progress;
        Tally tally = new Tally();
        ScanCursor end = start.offset() > 0 ? scanFile(log, start, tally, listener) : null;
        if (end == null && start.offset() > 0) {
            tally.rotated = true;
            Path rotated = findRotated(log, start);
            ScanCursor rotatedEnd = rotated == null ? null : scanFile(rotated, start, tally, listener);
            try {
                end = scanFile(log, ScanCursor.START, tally, listener);
            } catch (IOException e) {
                if (rotatedEnd == null) {
                    throw e;
                }
                // The rotated file was counted: its end is the cursor to keep, or its lines would be counted again.
                tally.problem = "cannot read " + log.getFileName() + ": " + e.getMessage();
                end = rotatedEnd;
            }
        } else if (end == null) {
            end = scanFile(log, ScanCursor.START, tally, listener);
        }
        return tally.result(end);
    }

    /**
     * Reads {@code file} from {@code from} to the end of its last complete line. Returns null, having counted
     * nothing, when the file does not continue the cursor (rotated or truncated).
     */
    private ScanCursor scanFile(Path file, ScanCursor from, Tally tally, ScanProgress progress) throws IOException {
        String fileId = LogInput.fileId(file);
        try (LogInput in = LogInput.open(file)) {
            byte[] head = new byte[ScanCursor.HEAD_BYTES];
            if (from.offset() > 0 && !in.resume(from, head)) {
                return null;
            }
            LineReader reader = new LineReader(in, from.offset(), head, from.headLength());
            LineCounter counter = new LineCounter(tally);
            IOException error = reader.readAll(counter, progress);
            counter.parser.clear();
            if (error != null) {
                // E.g. a .gz still being written: keep what was counted, stop at the last complete line.
                tally.problem = "read error in " + file.getFileName() + " after byte " + reader.end() + ": " + error.getMessage();
            }
            tally.bytesConsumed += reader.end() - from.offset();
            return reader.cursor(fileId);
        }
    }

    /** Counts the lines of one file: parses, matches, records. */
    private final class LineCounter implements LineReader.Sink {
        private final SquidLineParser parser = new SquidLineParser();
        private final Tally tally;

        LineCounter(Tally tally) {
            this.tally = tally;
        }

        @Override
        public void overlongLine() {
            tally.linesRead++;
            tally.malformed++;
        }

        @Override
        public void line(byte[] buf, int from, int to) {
            if (to > from && buf[to - 1] == '\r') {
                to--;
            }
            if (to == from) {
                return; // blank line: nothing to count
            }
            tally.linesRead++;
            if (!parser.parse(buf, from, to)) {
                tally.malformed++;
                return;
            }
            tally.time(parser.timestampMillis());
            AiService ai = catalogue.find(parser.host());
            if (ai == null) {
                return;
            }
            if (!parser.isSuccessful()) {
                tally.refused++;
                return;
            }
            tally.matched++;
            // Personal data from here on: used, handed over, not kept.
            String client = parser.clientAddress();
            Service service = subnets.serviceOf(client);
            counter(ai.id(), service).add(1);
            tally.count(ai.id(), service);
            String user = parser.user();
            observatory.agentActive(ai.id(), user != null ? user : client);
        }
    }

    private ActivityCounter counter(String usageId, Service service) {
        ActivityCounter[] handles = counters.computeIfAbsent(usageId, id -> new ActivityCounter[Service.values().length]);
        ActivityCounter handle = handles[service.ordinal()];
        if (handle == null) {
            // A benign race between two scans only asks the observatory twice for the same handle.
            handle = observatory.activity(usageId, service, ActionKind.WEB_ACCESS);
            handles[service.ordinal()] = handle;
        }
        return handle;
    }

    /**
     * The rotated file that continues {@code cursor}: a file next to {@code log} whose name starts with the log's
     * ({@code access.log.1}, {@code access.log-20260101.gz}) that holds the cursor's first bytes and reaches its offset.
     */
    static Path findRotated(Path log, ScanCursor cursor) throws IOException {
        Path absolute = log.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        if (dir == null) {
            return null;
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.length() > name.length() && n.startsWith(name) && Files.isRegularFile(p);
        })) {
            entries.forEach(candidates::add);
        }
        // The file with the cursor's inode first (a rename keeps it), then the most recent: usually one head read.
        candidates.sort(Comparator.comparing((Path p) -> cursor.fileId() != null && cursor.fileId().equals(LogInput.fileId(p)))
                .thenComparing(SquidLogScanner::modified).reversed());
        for (Path candidate : candidates) {
            if (LogInput.continues(candidate, cursor)) {
                return candidate;
            }
        }
        return null;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Counts of one scan (possibly over a rotated file and the new log). */
    private static final class Tally {
        long linesRead;
        long matched;
        long refused;
        long malformed;
        long bytesConsumed;
        boolean rotated;
        String problem;
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        final Map<String, long[]> perUsage = new TreeMap<>();

        void time(long millis) {
            if (millis < earliest) {
                earliest = millis;
            }
            if (millis > latest) {
                latest = millis;
            }
        }

        void count(String usageId, Service service) {
            perUsage.computeIfAbsent(usageId, id -> new long[Service.values().length])[service.ordinal()]++;
        }

        ScanResult result(ScanCursor cursor) {
            List<UsageCount> counts = new ArrayList<>();
            perUsage.forEach((id, byService) -> {
                for (Service service : Service.values()) {
                    if (byService[service.ordinal()] > 0) {
                        counts.add(new UsageCount(id, service, byService[service.ordinal()]));
                    }
                }
            });
            return new ScanResult(linesRead, matched, refused, malformed, bytesConsumed, cursor, rotated, counts,
                    earliest == Long.MAX_VALUE ? null : Instant.ofEpochMilli(earliest),
                    latest == Long.MIN_VALUE ? null : Instant.ofEpochMilli(latest), problem);
        }
    }
}
