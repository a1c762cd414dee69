package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one scan read and counted. Holds counts, offsets and times only: no address, no user, no URL.
 *
 * @param linesRead        non-blank lines read, malformed ones included
 * @param matched          lines about a catalogue AI service that Squid served (status 1xx-3xx): the activity recorded
 * @param refused          lines about a catalogue AI service that got no service: denied by the proxy (403),
 *                         authentication challenge (407), error, aborted (000). Not recorded as activity: an
 *                         access refused is not a use, and a 407 is followed by the same request authenticated
 * @param malformed        lines that do not have the shape of Squid's native format, skipped
 * @param bytesConsumed    bytes of log (decoded) consumed by this scan, up to the end of the last complete line
 * @param cursor           where the next scan starts: persist it together with the counts
 * @param rotationDetected whether the log was found rotated or truncated since the given cursor; if so, the rest of the
 *                         rotated file was read first when it could be found next to the log
 * @param counts           successful accesses per AI service and collectivité service, sorted
 * @param earliest         time of the earliest well-formed line read, null if none
 * @param latest           time of the latest well-formed line read, null if none
 * @param problem          why the scan stopped before the end of the log (a read error); null when it read to the end
 */
public record ScanResult(long linesRead, long matched, long refused, long malformed, long bytesConsumed, ScanCursor cursor,
                         boolean rotationDetected, List<UsageCount> counts, Instant earliest, Instant latest,
                         String problem) {
    /** The name under which the plugin appears in a declaration's provenance. */
    public static final String SOURCE = "squid";

    public ScanResult {
        counts = List.copyOf(counts);
    }

    /**
     * This scan as a source of the declaration's provenance: OK, or DEGRADED with the reason when it stopped
     * before the end of the log. The reason names a file and an I/O error, never log content.
     */
    public SourceReport sourceReport(String pluginVersion) {
        String reason = problem == null || problem.length() <= 500 ? problem : problem.substring(0, 500);
        return new SourceReport(SOURCE, pluginVersion, complete() ? SourceStatus.OK : SourceStatus.DEGRADED, matched, reason);
    }

    /** The malformed lines, as the loss the declaration reports so that the observatory knows what was skipped. */
    public LossCount malformedLoss() {
        return new LossCount(LossReason.MALFORMED_INPUT, SOURCE, malformed);
    }

    /** Whether the scan read the log to its end; if not, {@link #problem()} says why and the cursor is where it stopped. */
    public boolean complete() {
        return problem == null;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(problem);
    }

    /** Successful accesses to the AI service {@code usageId}, all collectivité services together. */
    public long count(String usageId) {
        long total = 0;
        for (UsageCount count : counts) {
            if (count.usageId().equals(usageId)) {
                total += count.count();
            }
        }
        return total;
    }

    /** For each AI service seen, the collectivité services it was used from; sorted by id. */
    public Map<String, Set<Service>> servicesByUsage() {
        Map<String, Set<Service>> result = new TreeMap<>();
        for (UsageCount count : counts) {
            result.computeIfAbsent(count.usageId(), id -> EnumSet.noneOf(Service.class)).add(count.service());
        }
        result.replaceAll((id, services) -> Collections.unmodifiableSet(services));
        return Collections.unmodifiableMap(result);
    }
}
