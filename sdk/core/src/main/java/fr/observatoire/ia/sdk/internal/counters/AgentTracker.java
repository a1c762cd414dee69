package fr.observatoire.ia.sdk.internal.counters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pseudonyms of agents seen per usage since the last checkpoint. Bounded twice: at most {@code maxUsages}
 * usages, and at most {@link AgentBands#SATURATION} pseudonyms per usage, the lower bound of the top band, beyond which
 * no further agent changes what leaves.
 */
final class AgentTracker {
    private final ConcurrentHashMap<String, Set<String>> seen = new ConcurrentHashMap<>();
    private final int maxUsages;

    AgentTracker(int maxUsages) {
        this.maxUsages = maxUsages;
    }

    /** @return false when the usage cap is reached and the agent was not noted */
    boolean note(String usageId, String pseudonym) {
        Set<String> agents = seen.get(usageId);
        if (agents == null) {
            if (seen.size() >= maxUsages) {
                return false;
            }
            agents = seen.computeIfAbsent(usageId, k -> ConcurrentHashMap.newKeySet());
        }
        if (agents.size() < AgentBands.SATURATION) {
            agents.add(pseudonym);
        }
        return true;
    }

    /**
     * Takes the pseudonyms noted so far. Each is removed individually, so one noted concurrently stays for the
     * next drain instead of being lost with a swapped-out set.
     */
    Map<String, List<String>> drain() {
        Map<String, List<String>> drained = new HashMap<>();
        seen.forEach((usageId, agents) -> {
            List<String> taken = new ArrayList<>();
            for (String pseudonym : agents) {
                if (agents.remove(pseudonym)) {
                    taken.add(pseudonym);
                }
            }
            if (!taken.isEmpty()) {
                drained.put(usageId, taken);
            }
        });
        return drained;
    }

    void restore(Map<String, List<String>> pseudonyms) {
        pseudonyms.forEach((usageId, list) -> seen.computeIfAbsent(usageId, k -> ConcurrentHashMap.newKeySet()).addAll(list));
    }
}
