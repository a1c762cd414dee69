package fr.observatoire.ia.loadgen;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who spent the machine's CPU during the measured window: the server, PostgreSQL (every process of its
 * executable: backends, WAL writer, checkpointer) and this load generator. On a machine where all three share
 * the cores, the accepted rate is bounded by their sum per declaration; each figure, unlike the rate, barely
 * moves with what else runs. Read from the operating system ({@link ProcessHandle}); a process that cannot be
 * read counts as absent, and one that ends within the window loses its share (the server's pool keeps its
 * connections open, so PostgreSQL backends live through a run).
 */
final class CpuAccount {
    static final String SERVER = "server";
    static final String POSTGRESQL = "PostgreSQL";
    static final String GENERATOR = "load generator";

    private final Optional<Long> serverPid;

    CpuAccount(Optional<Long> serverPid) {
        this.serverPid = serverPid;
    }

    /** CPU time used so far by each group (absent groups are left out). */
    Map<String, Duration> snapshot() {
        Map<String, Duration> used = new TreeMap<>();
        cpu(ProcessHandle.current()).ifPresent(d -> used.put(GENERATOR, d));
        serverPid.flatMap(ProcessHandle::of).flatMap(CpuAccount::cpu).ifPresent(d -> used.put(SERVER, d));
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .forEach(p -> cpu(p).ifPresent(d -> used.merge(POSTGRESQL, d, Duration::plus)));
        return used;
    }

    /** What each group spent between two snapshots. */
    static Map<String, Duration> between(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Duration> spent = new TreeMap<>();
        after.forEach((group, total) -> spent.put(group, total.minus(before.getOrDefault(group, Duration.ZERO))));
        return spent;
    }

    private static Optional<Duration> cpu(ProcessHandle process) {
        return process.info().totalCpuDuration();
    }
}
