package fr.observatoire.ia.loadgen;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** What one sender thread measured: accepted count, latencies of the accepted, and failures by status. */
final class Results {
    private long[] latencies = new long[1024];
    private int accepted;
    private final Map<Integer, Integer> failures = new TreeMap<>();

    void accepted(long nanos) {
        if (accepted == latencies.length) {
            latencies = Arrays.copyOf(latencies, accepted * 2);
        }
        latencies[accepted++] = nanos;
    }

    void failed(int status) {
        failures.merge(status, 1, Integer::sum);
    }

    /** All threads' results in one. */
    static Results merge(Iterable<Results> all) {
        Results merged = new Results();
        for (Results one : all) {
            for (int i = 0; i < one.accepted; i++) {
                merged.accepted(one.latencies[i]);
            }
            one.failures.forEach((status, count) -> merged.failures.merge(status, count, Integer::sum));
        }
        return merged;
    }

    int accepted() {
        return accepted;
    }

    Map<Integer, Integer> failures() {
        return failures;
    }

    /** Latency at {@code percentile} (0-100) in milliseconds, by sorting the samples (no histogram needed at this size). */
    double percentileMillis(double percentile) {
        if (accepted == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(latencies, accepted);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * accepted) - 1;
        return sorted[Math.max(0, Math.min(accepted - 1, index))] / 1e6;
    }
}
