package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The self-declarations received, added up per tool in memory, and the inventory entries they call for. Nothing in
 * it says who answered: it holds counts per answer, never an answer together with the others of the same agent.
 *
 * <p>A tool enters {@link #usages()} once {@code minAnswers} declarations are about it (3 by default, the threshold
 * below which a declaration shows counts as "&lt;3"): with one answer, "the HR agent who finds ChatGPT's quality
 * poor and uses it without leave" would be one person's answers attached to their service.
 *
 * <p>Each entry says what the agents said and no more: governance is the most frequent answer, a tie going to the
 * less sanctioned (if half the agents do not know a use is allowed, for them it is not governed); purpose the most
 * frequent one; the obstacles and services are those cited; maturity {@link Maturity#EXPERIMENT} (individual use, no
 * project), internal data (what an agent puts in a tool at work, at the least), a person uses the output (AI
 * informs), AI Act class not assessed, and publication in statistics only: the collectivité has not chosen to
 * publish what it did not decide. Thread-safe.
 */
public final class SelfDeclarationSummary {
    public static final int DEFAULT_MIN_ANSWERS = 3;

    private final int minAnswers;
    private final Map<String, ToolAnswers> byTool = new TreeMap<>();

    public SelfDeclarationSummary() {
        this(DEFAULT_MIN_ANSWERS);
    }

    public SelfDeclarationSummary(int minAnswers) {
        if (minAnswers < 1) {
            throw new IllegalArgumentException("minAnswers must be at least 1, was " + minAnswers);
        }
        this.minAnswers = minAnswers;
    }

    public int minAnswers() {
        return minAnswers;
    }

    public synchronized void record(SelfDeclaration declaration) {
        byTool.computeIfAbsent(declaration.tool().slug(), slug -> new ToolAnswers(declaration.tool())).add(declaration);
    }

    /** One usage per tool declared at least {@code minAnswers} times, sorted by slug. */
    public synchronized List<AiUsage> usages() {
        List<AiUsage> usages = new ArrayList<>();
        for (ToolAnswers answers : byTool.values()) {
            if (answers.count >= minAnswers) {
                usages.add(answers.usage());
            }
        }
        return List.copyOf(usages);
    }

    /** Answers per tool, mutable, guarded by the summary's lock. */
    private static final class ToolAnswers {
        private final AiTool tool;
        private int count;
        private final int[] governance = new int[Governance.values().length];
        private final int[] purposes = new int[Purpose.values().length];
        private final int[] frequencies = new int[Frequency.values().length];
        private final EnumSet<Service> services = EnumSet.noneOf(Service.class);
        private final EnumSet<Obstacle> obstacles = EnumSet.noneOf(Obstacle.class);

        ToolAnswers(AiTool tool) {
            this.tool = tool;
        }

        void add(SelfDeclaration declaration) {
            count++;
            governance[declaration.governance().ordinal()]++;
            purposes[declaration.purpose().ordinal()]++;
            frequencies[declaration.frequency().ordinal()]++;
            services.add(declaration.service());
            obstacles.addAll(declaration.obstacles());
        }

        AiUsage usage() {
            Governance mostFrequentGovernance = Governance.values()[mostFrequent(governance, true)];
            Purpose mostFrequentPurpose = Purpose.values()[mostFrequent(purposes, false)];
            Frequency mostFrequentFrequency = Frequency.values()[mostFrequent(frequencies, false)];
            return new AiUsage(tool.slug(), tool.name(), description(mostFrequentFrequency),
                    tool.isOther() ? null : tool.name(), tool.provider(), null, tool.hosting(), mostFrequentPurpose,
                    List.copyOf(services), Maturity.EXPERIMENT, mostFrequentGovernance, List.of(DataCategory.INTERNAL),
                    AutomationLevel.AI_INFORMS, AiActAssessment.of(AiActRiskClass.NOT_ASSESSED), List.copyOf(obstacles),
                    List.of(), PublicationLevel.STATISTICS_ONLY);
        }

        /** In French, like every text of a declaration; no number of agents, which would be a count about people. */
        private static String description(Frequency frequency) {
            return "Outil d'IA déclaré par des agents dans le formulaire anonyme d'auto-déclaration de l'intranet. "
                    + "Fréquence d'usage la plus citée : " + frequency.french().toLowerCase(Locale.FRENCH) + ".";
        }

        /** The index of the largest count; on a tie the first index, or the last one if {@code preferLater}. */
        private static int mostFrequent(int[] counts, boolean preferLater) {
            int best = 0;
            for (int i = 1; i < counts.length; i++) {
                if (counts[i] > counts[best] || preferLater && counts[i] == counts[best]) {
                    best = i;
                }
            }
            return best;
        }
    }
}
