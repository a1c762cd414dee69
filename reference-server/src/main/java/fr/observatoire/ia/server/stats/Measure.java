package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.server.stats.protection.LineKind;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static fr.observatoire.ia.server.stats.Dimension.ACTION;
import static fr.observatoire.ia.server.stats.Dimension.AI_ACT;
import static fr.observatoire.ia.server.stats.Dimension.CATEGORY;
import static fr.observatoire.ia.server.stats.Dimension.COMMUNE;
import static fr.observatoire.ia.server.stats.Dimension.DEPARTEMENT;
import static fr.observatoire.ia.server.stats.Dimension.EPCI;
import static fr.observatoire.ia.server.stats.Dimension.GOVERNANCE;
import static fr.observatoire.ia.server.stats.Dimension.HOSTING;
import static fr.observatoire.ia.server.stats.Dimension.KIND;
import static fr.observatoire.ia.server.stats.Dimension.MATURITY;
import static fr.observatoire.ia.server.stats.Dimension.OBSTACLE;
import static fr.observatoire.ia.server.stats.Dimension.PUBLICATION;
import static fr.observatoire.ia.server.stats.Dimension.PURPOSE;
import static fr.observatoire.ia.server.stats.Dimension.SERVICE;
import static fr.observatoire.ia.server.stats.Dimension.SEVERITY;
import static fr.observatoire.ia.server.stats.Dimension.STAGE;
import static fr.observatoire.ia.server.stats.Dimension.STRATUM;

/**
 * What the statistics count. Definitions are in French and English because the dashboard shows them next to
 * every figure; docs/statistics.md repeats them.
 *
 * <p><em>Stock</em> measures describe the inventory as it stood during a time bucket (each collectivité's latest
 * declaration overlapping the bucket); <em>flow</em> measures add up the counts of the declaration periods that
 * start in the bucket.
 */
public enum Measure {
    ADOPTION("adoption", true, false, "part des collectivités", "share of collectivités",
            "Part des collectivités du référentiel (communes, EPCI, départements, régions) qui ont déclaré au moins un usage "
                    + "d'IA correspondant aux filtres dans leur déclaration la plus récente de la période. Le dénominateur compte "
                    + "toutes les collectivités du référentiel de la case, inscrites à l'observatoire ou non.",
            "Share of the collectivités of the referential (communes, EPCI, départements, régions) that declared at least one "
                    + "AI usage matching the filters in their latest declaration of the period. The denominator counts every "
                    + "collectivité of the referential in the cell, registered with the observatory or not."),
    USAGES("usages", true, false, "usages", "usages",
            "Nombre d'usages d'IA inscrits à l'inventaire des collectivités, tel qu'il figure dans la déclaration la plus "
                    + "récente de chacune sur la période, y compris les usages qu'une collectivité réserve aux statistiques.",
            "Number of AI usages in the collectivités' inventories, as they stand in each one's latest declaration of the "
                    + "period, including the usages a collectivité keeps for statistics only."),
    AGENTS("agents", true, true, "agents (au moins)", "agents (at least)",
            "Nombre d'agents actifs, borne basse : pour chaque usage, le bas de la tranche déclarée (moins de 3 compte 1, "
                    + "3 à 10 compte 3, 11 à 49 compte 11, 50 à 249 compte 50, 250 et plus compte 250), dans la déclaration la "
                    + "plus récente de la période. Un agent qui se sert de deux usages compte deux fois. Jamais publié sous 11.",
            "Number of active agents, lower bound: for each usage, the bottom of the declared band (fewer than 3 counts 1, "
                    + "3 to 10 counts 3, 11 to 49 counts 11, 50 to 249 counts 50, 250 or more counts 250), in the latest "
                    + "declaration of the period. An agent using two usages counts twice. Never published below 11."),
    ACTIVITY("activity", false, false, "actions", "actions",
            "Nombre d'actions faites avec l'IA (requêtes, documents rédigés ou classés, conversations, transcriptions, "
                    + "traductions…) déclarées pour les périodes de déclaration qui commencent dans la période.",
            "Number of actions done with AI (prompts, documents drafted or classified, conversations, transcriptions, "
                    + "translations…) declared for the declaration periods that start in the period."),
    INCIDENTS("incidents", false, false, "incidents", "incidents",
            "Nombre d'incidents d'IA déclarés pour les périodes de déclaration qui commencent dans la période : les "
                    + "comptages par catégorie et gravité ; un incident signalé individuellement compte s'il dépasse le "
                    + "comptage de sa catégorie et de sa gravité.",
            "Number of AI incidents declared for the declaration periods that start in the period: the counts per category "
                    + "and severity; an individually reported incident counts when it exceeds the count of its category and "
                    + "severity.");

    private static final Set<Dimension> UNIT = EnumSet.of(DEPARTEMENT, EPCI, COMMUNE, STRATUM, KIND);
    private static final Set<Dimension> USAGE = EnumSet.of(PURPOSE, STAGE, MATURITY, GOVERNANCE, HOSTING, AI_ACT, PUBLICATION);

    private final String apiName;
    private final boolean stock;
    private final boolean people;
    private final String unitFr;
    private final String unitEn;
    private final String definitionFr;
    private final String definitionEn;

    Measure(String apiName, boolean stock, boolean people, String unitFr, String unitEn, String definitionFr, String definitionEn) {
        this.apiName = apiName;
        this.stock = stock;
        this.people = people;
        this.unitFr = unitFr;
        this.unitEn = unitEn;
        this.definitionFr = definitionFr;
        this.definitionEn = definitionEn;
    }

    public String apiName() {
        return apiName;
    }

    /** Whether it describes the inventory during a bucket (else: counts of the periods starting in the bucket). */
    public boolean stock() {
        return stock;
    }

    /** Whether its values count people: then nothing under 11 is published. */
    public boolean people() {
        return people;
    }

    public String unitFr() {
        return unitFr;
    }

    public String unitEn() {
        return unitEn;
    }

    public String definitionFr() {
        return definitionFr;
    }

    public String definitionEn() {
        return definitionEn;
    }

    /** The dimensions a query of this measure may use. */
    public Set<Dimension> dimensions() {
        Set<Dimension> dimensions = EnumSet.copyOf(UNIT);
        switch (this) {
            case ADOPTION, USAGES -> {
                dimensions.addAll(USAGE);
                dimensions.add(OBSTACLE);
                dimensions.add(SERVICE);
            }
            case AGENTS -> dimensions.addAll(USAGE);
            case ACTIVITY -> {
                dimensions.addAll(USAGE);
                dimensions.add(SERVICE);
                dimensions.add(ACTION);
            }
            case INCIDENTS -> {
                dimensions.add(CATEGORY);
                dimensions.add(SEVERITY);
            }
        }
        return dimensions;
    }

    /** Whether the dimension is read from a bridge table (several values per usage) rather than a column. */
    public boolean bridged(Dimension dimension) {
        return dimension.nature() == Dimension.Nature.MULTI && stock;
    }

    /** How the cells along this dimension relate to their parent (see {@link LineKind}). */
    public LineKind lineKind(Dimension dimension) {
        if (dimension.nature() == Dimension.Nature.UNIT) {
            return LineKind.PARTITION;
        }
        if (this == ADOPTION || bridged(dimension)) {
            return LineKind.NON_ADDITIVE;
        }
        return LineKind.ADDITIVE;
    }

    /** Flows add up over time (months make a quarter); stocks do not (a quarter's stock is not a sum of months). */
    public LineKind timeLineKind(TimeGrain grain) {
        return stock || grain.parent().isEmpty() ? LineKind.NONE : LineKind.ADDITIVE;
    }

    public static Optional<Measure> ofApiName(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equals(name)).findFirst();
    }
}
