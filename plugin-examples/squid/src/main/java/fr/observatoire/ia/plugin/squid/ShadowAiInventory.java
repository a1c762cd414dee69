package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The inventory entries that the AI services detected in the proxy logs call for, so that the activity the
 * scanner records refers to usages the declaration describes.
 *
 * <p>What a proxy log proves is little: someone reached the service. So each entry says what is known and
 * no more: governance from the catalogue (shadow unless the collectivité's catalogue says otherwise),
 * maturity {@link Maturity#EXPERIMENT}, the catalogue's purpose ({@code OTHER} for general chatbots,
 * translation for DeepL), internal data, AI informs and a person decides, AI Act class not assessed, and
 * publication in statistics only: the collectivité has not chosen to publish something it did not decide.
 */
public final class ShadowAiInventory {
    private ShadowAiInventory() {
    }

    /** One usage per AI service of {@code result}, with the collectivité services it was used from. */
    public static List<AiUsage> usages(AiServiceCatalogue catalogue, ScanResult result) {
        return usages(catalogue, result.servicesByUsage());
    }

    /**
     * One usage per entry of {@code detected} (AI service id to the collectivité services it was seen from),
     * sorted by id. Ids the catalogue does not know are skipped: the catalogue may have changed since.
     */
    public static List<AiUsage> usages(AiServiceCatalogue catalogue, Map<String, ? extends Collection<Service>> detected) {
        Objects.requireNonNull(catalogue, "catalogue");
        List<AiUsage> usages = new ArrayList<>();
        for (Map.Entry<String, ? extends Collection<Service>> entry : new TreeMap<>(detected).entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            catalogue.service(entry.getKey()).ifPresent(ai -> usages.add(usage(ai, entry.getValue())));
        }
        return List.copyOf(usages);
    }

    /** The usage for one AI service seen from {@code services}. */
    public static AiUsage usage(AiService ai, Collection<Service> services) {
        Set<Service> sorted = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
        return new AiUsage(ai.id(), ai.name(),
                description(ai),
                ai.name(), ai.provider(), null, ai.hosting(), ai.purpose(), List.copyOf(sorted),
                Maturity.EXPERIMENT, ai.governance(), List.of(DataCategory.INTERNAL), AutomationLevel.AI_INFORMS,
                AiActAssessment.of(AiActRiskClass.NOT_ASSESSED), List.of(), List.of(), PublicationLevel.STATISTICS_ONLY);
    }

    /**
     * {@code current} with the detected usages: a new usage is added; a usage the inventory already has (perhaps
     * written by hand, perhaps sanctioned since) keeps every word the collectivité chose, and only gains the
     * services it was newly seen from. The version grows by one if anything changed; else {@code current} is
     * returned as is.
     */
    public static Inventory merge(Inventory current, List<AiUsage> detected) {
        Objects.requireNonNull(current, "current");
        Map<String, AiUsage> usages = new LinkedHashMap<>();
        current.usages().forEach(u -> usages.put(u.id(), u));
        boolean changed = false;
        for (AiUsage found : detected) {
            AiUsage existing = usages.get(found.id());
            if (existing == null) {
                usages.put(found.id(), found);
                changed = true;
                continue;
            }
            Set<Service> services = existing.services().isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(existing.services());
            if (services.addAll(found.services())) {
                usages.put(found.id(), withServices(existing, services));
                changed = true;
            }
        }
        return changed ? new Inventory(current.version() + 1, new ArrayList<>(usages.values())) : current;
    }

    private static AiUsage withServices(AiUsage u, Set<Service> services) {
        return new AiUsage(u.id(), u.name(), u.description(), u.tool(), u.provider(), u.modelFamily(), u.hosting(), u.purpose(),
                List.copyOf(services), u.maturity(), u.governance(), u.dataCategories(), u.automation(), u.aiAct(),
                u.obstacles(), u.uncertainties(), u.publication());
    }

    /** In French, like every text of a declaration: the words a civil servant reads. */
    private static String description(AiService ai) {
        String text = "Accès au service d'IA public « " + ai.name() + " » (" + ai.provider()
                + ") relevé dans les journaux du proxy web"
                + (ai.governance() == Governance.SHADOW ? ", sans décision d'usage connue (shadow AI)." : ".");
        return text.length() <= 400 ? text : text.substring(0, 400);
    }
}
