package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Hands the observatory the collectivité's inventory together with the usages agents declared, and only when that
 * merged inventory changed: {@link Observatory#declareInventory} replaces the inventory and each new one gets a new
 * version, so re-sending the same one at every form submission would make versions without changes.
 *
 * <p>Because the observatory's inventory is replaced, not added to, the collectivité's own inventory (its base)
 * comes from the host; without one, the base is empty.
 */
final class InventoryPublisher {
    private final Observatory observatory;
    private final Supplier<Inventory> base;
    private Inventory published;

    InventoryPublisher(Observatory observatory, Supplier<Inventory> base) {
        this.observatory = Objects.requireNonNull(observatory, "observatory");
        this.base = Objects.requireNonNull(base, "base");
    }

    /** Declares the base merged with {@code declared} if that differs from what was declared last; true if it did. */
    synchronized boolean publishIfChanged(List<AiUsage> declared) {
        Inventory current = Objects.requireNonNullElse(base.get(), Inventory.empty());
        int version = Math.max(current.version(), published == null ? 0 : published.version()) + 1;
        Inventory merged = merge(current, declared, version);
        // Before the first declaration, compare with the base: until agents add something, the inventory is the host's.
        if (merged.usages().equals(published != null ? published.usages() : current.usages())) {
            return false;
        }
        observatory.declareInventory(merged);
        published = merged;
        return true;
    }

    /**
     * {@code base} with the {@code declared} usages, as version {@code version}. A usage the base does not have is
     * added. A usage it has (written by the collectivité, perhaps sanctioned since) keeps every word the collectivité
     * chose, its governance included, and only gains the services and obstacles agents cited: the collectivité
     * decides what a use is, agents tell where it is used and what gets in the way.
     */
    static Inventory merge(Inventory base, List<AiUsage> declared, int version) {
        Map<String, AiUsage> usages = new LinkedHashMap<>();
        base.usages().forEach(u -> usages.put(u.id(), u));
        for (AiUsage found : declared) {
            usages.merge(found.id(), found, InventoryPublisher::withCitations);
        }
        return new Inventory(version, new ArrayList<>(usages.values()));
    }

    private static AiUsage withCitations(AiUsage existing, AiUsage found) {
        Set<Service> services = union(Service.class, existing.services(), found.services());
        Set<Obstacle> obstacles = union(Obstacle.class, existing.obstacles(), found.obstacles());
        if (services.size() == existing.services().size() && obstacles.size() == existing.obstacles().size()) {
            return existing;
        }
        return new AiUsage(existing.id(), existing.name(), existing.description(), existing.tool(), existing.provider(),
                existing.modelFamily(), existing.hosting(), existing.purpose(), List.copyOf(services), existing.maturity(),
                existing.governance(), existing.dataCategories(), existing.automation(), existing.aiAct(),
                List.copyOf(obstacles), existing.uncertainties(), existing.publication());
    }

    private static <E extends Enum<E>> Set<E> union(Class<E> type, List<E> a, List<E> b) {
        EnumSet<E> all = EnumSet.noneOf(type);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
