package fr.observatoire.ia.testkit.conformance;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullBatch.ActivityKey;
import fr.observatoire.ia.spi.PullBatch.IncidentKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a batch means to the SDK, independent of the order of its lists: the comparisons of the suite (two pulls
 * add up to one, the same data gives the same batch) are made on this. Losses are summed by reason and source,
 * usages are a set (the SDK merges them into the inventory), agents are sets per usage (the SDK counts distinct
 * agents).
 */
record BatchView(Map<ActivityKey, Long> activity, Map<IncidentKey, Long> incidents, Map<String, Set<String>> agents,
                 Set<AiUsage> usages, Map<LossKey, Long> losses, long records, String cursor) {

    /** The key losses add up under. */
    record LossKey(LossReason reason, String source) {
    }

    static BatchView of(PullBatch batch) {
        Map<String, Set<String>> agents = new HashMap<>();
        batch.agents().forEach((usage, ids) -> agents.put(usage, Set.copyOf(ids)));
        Map<LossKey, Long> losses = new HashMap<>();
        for (LossCount loss : batch.losses()) {
            if (loss.count() > 0) {
                losses.merge(new LossKey(loss.reason(), loss.source()), loss.count(), Long::sum);
            }
        }
        return new BatchView(Map.copyOf(batch.activity()), Map.copyOf(batch.incidents()), Map.copyOf(agents),
                Set.copyOf(new LinkedHashSet<>(batch.usages())), Map.copyOf(losses), batch.records(), batch.cursor());
    }

    /** What the SDK holds after committing this batch and then {@code later}: counts add, the later cursor wins. */
    BatchView plus(BatchView later) {
        Map<String, Set<String>> allAgents = new HashMap<>();
        for (Map<String, Set<String>> side : List.of(agents, later.agents)) {
            side.forEach((usage, ids) -> allAgents.computeIfAbsent(usage, k -> new HashSet<>()).addAll(ids));
        }
        Set<AiUsage> allUsages = new HashSet<>(usages);
        allUsages.addAll(later.usages);
        return new BatchView(sum(activity, later.activity), sum(incidents, later.incidents), Map.copyOf(allAgents),
                Set.copyOf(allUsages), sum(losses, later.losses), records + later.records,
                later.cursor != null ? later.cursor : cursor);
    }

    BatchView withoutCursor() {
        return new BatchView(activity, incidents, agents, usages, losses, records, null);
    }

    /** Something the SDK would count: activity, incidents, agents or usages. */
    boolean countsSomething() {
        return !activity.isEmpty() || !incidents.isEmpty() || !agents.isEmpty() || !usages.isEmpty();
    }

    /** Nothing that would change a declaration: no activity, incident, agent or loss (usages already known may repeat). */
    boolean countsNothing() {
        return activity.isEmpty() && incidents.isEmpty() && agents.isEmpty() && losses.isEmpty();
    }

    /** Where this view differs from {@code expected}, one line per component; empty when equal. */
    List<String> differencesFrom(BatchView expected) {
        List<String> differences = new ArrayList<>();
        compare("activity", expected.activity, activity, differences);
        compare("incidents", expected.incidents, incidents, differences);
        compare("agents", expected.agents, agents, differences);
        compare("usage ids", ids(expected.usages), ids(usages), differences);
        if (ids(expected.usages).equals(ids(usages))) {
            compare("usages", expected.usages, usages, differences);
        }
        compare("losses", expected.losses, losses, differences);
        compare("records", expected.records, records, differences);
        compare("cursor", expected.cursor, cursor, differences);
        return differences;
    }

    /**
     * Everything of the batch that reaches the declaration or the SDK's store, as text for a privacy check. Agent
     * ids are left out on purpose: the SPI hands them to the SDK, which pseudonymises them on arrival with a local
     * secret; only a band of distinct agents per usage ever leaves.
     */
    String leavingText() {
        Map<String, Integer> agentCounts = new HashMap<>();
        agents.forEach((usage, ids) -> agentCounts.put(usage, ids.size()));
        return "activity=" + activity + "\nincidents=" + incidents + "\nagents per usage=" + agentCounts + "\nusages=" + usages
                + "\nlosses=" + losses + "\nrecords=" + records + "\ncursor=" + cursor;
    }

    private static Set<String> ids(Set<AiUsage> usages) {
        Set<String> ids = new HashSet<>();
        usages.forEach(u -> ids.add(u.id()));
        return ids;
    }

    private static void compare(String what, Object expected, Object actual, List<String> differences) {
        if (!Objects.equals(expected, actual)) {
            differences.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static <K> Map<K, Long> sum(Map<K, Long> a, Map<K, Long> b) {
        Map<K, Long> total = new HashMap<>(a);
        b.forEach((key, count) -> total.merge(key, count, Long::sum));
        return Map.copyOf(total);
    }
}
