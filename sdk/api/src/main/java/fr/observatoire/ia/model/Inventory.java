package fr.observatoire.ia.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The collectivité's register of AI usages. Stable across periods; {@code version} grows by one each
 * time the collectivité changes it, so the observatory keeps a history.
 */
public record Inventory(int version, List<AiUsage> usages) {
    public Inventory {
        if (version < 1) {
            throw new IllegalArgumentException("inventory.version starts at 1, was " + version);
        }
        usages = Checks.list(usages, "inventory.usages");
        Set<String> ids = new HashSet<>();
        for (AiUsage usage : usages) {
            if (!ids.add(usage.id())) {
                throw new IllegalArgumentException("inventory.usages has the id '" + usage.id() + "' twice");
            }
        }
    }

    public static Inventory empty() {
        return new Inventory(1, List.of());
    }

    public Optional<AiUsage> usage(String id) {
        return usages.stream().filter(u -> u.id().equals(id)).findFirst();
    }
}
