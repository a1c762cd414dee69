package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The inventory declarations carry: the host's, plus what sources (plugins) contributed. The collectivité decides
 * what a usage is, so a usage the host declared keeps every field as the host wrote it, the ones it left empty
 * included; a contributed usage is added only if no one before it has that id, sources taking turns in the order
 * of their names so that the result does not depend on who checkpointed first.
 */
public final class InventoryMerge {
    private InventoryMerge() {
    }

    /** @param contributions usages per source, in the order sources take turns */
    public static Inventory merge(Inventory host, SortedMap<String, List<AiUsage>> contributions) {
        Map<String, AiUsage> usages = new LinkedHashMap<>();
        host.usages().forEach(usage -> usages.put(usage.id(), usage));
        contributions.values().forEach(contributed -> contributed.forEach(usage -> usages.putIfAbsent(usage.id(), usage)));
        return new Inventory(host.version(), new ArrayList<>(usages.values()));
    }

    /** {@code earlier} with {@code later}'s usages replacing those of the same id, new ones appended. */
    static List<AiUsage> upsert(List<AiUsage> earlier, List<AiUsage> later) {
        Map<String, AiUsage> usages = new LinkedHashMap<>();
        earlier.forEach(usage -> usages.put(usage.id(), usage));
        later.forEach(usage -> usages.put(usage.id(), usage));
        return new ArrayList<>(usages.values());
    }
}
