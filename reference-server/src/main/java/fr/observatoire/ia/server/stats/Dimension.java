package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Labelled;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.server.referential.Stratum;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A dimension of the statistics. <em>Unit</em> dimensions describe the collectivité (each has exactly one value);
 * <em>item</em> dimensions describe what it declared (a collectivité may have usages of several purposes);
 * <em>multi-valued</em> ones describe a usage that may have several values (obstacles, and services of a usage).
 * Hierarchies: département ⊃ EPCI ⊃ commune, stage ⊃ maturity; a table with a level always has its ancestors.
 *
 * <p>The declaration order is the canonical order of a table's axes: two queries that need the same dimensions
 * build the same table, whatever the order of their parameters.
 */
public enum Dimension {
    DEPARTEMENT("departement", "departement", Nature.UNIT, null, null, "Département", "Département"),
    EPCI("epci", "epci", Nature.UNIT, DEPARTEMENT, null, "Intercommunalité (EPCI)", "Inter-municipal body (EPCI)"),
    COMMUNE("commune", "commune", Nature.UNIT, EPCI, null, "Commune", "Municipality"),
    STRATUM("stratum", "stratum", Nature.UNIT, null, Stratum.class,
            "Strate de population", "Population stratum"),
    KIND("kind", "kind", Nature.UNIT, null, DeclarantKind.class, "Nature de la collectivité", "Kind of collectivité"),
    PURPOSE("purpose", "purpose", Nature.ITEM, null, Purpose.class, "Finalité", "Purpose"),
    STAGE("stage", "stage", Nature.ITEM, null, Stage.class, "Stade", "Stage"),
    MATURITY("maturity", "maturity", Nature.ITEM, STAGE, Maturity.class, "Maturité", "Maturity"),
    GOVERNANCE("governance", "governance", Nature.ITEM, null, Governance.class, "Encadrement", "Governance"),
    HOSTING("hosting", "hosting", Nature.ITEM, null, Hosting.class, "Hébergement", "Hosting"),
    AI_ACT("aiAct", "ai_act", Nature.ITEM, null, AiActRiskClass.class, "Classe de risque AI Act", "AI Act risk class"),
    PUBLICATION("publication", "publication", Nature.ITEM, null, PublicationLevel.class, "Niveau de publication", "Publication level"),
    OBSTACLE("obstacle", "obstacle", Nature.MULTI, null, Obstacle.class, "Obstacle", "Obstacle"),
    SERVICE("service", "service", Nature.MULTI, null, Service.class, "Service", "Service"),
    ACTION("action", "action", Nature.ITEM, null, ActionKind.class, "Type d'action", "Kind of action"),
    CATEGORY("category", "category", Nature.ITEM, null, IncidentCategory.class, "Catégorie d'incident", "Incident category"),
    SEVERITY("severity", "severity", Nature.ITEM, null, Severity.class, "Gravité", "Severity");

    /** What a dimension describes, which decides how its cells add up (see {@link Measure#lineKind}). */
    public enum Nature {
        /** The collectivité: one value each. */
        UNIT,
        /** One value per declared item (usage, activity count, incident count). */
        ITEM,
        /** Several values per usage; for activity counts, {@link #SERVICE} is one value per count. */
        MULTI
    }

    private final String apiName;
    private final String column;
    private final Nature nature;
    private final Dimension parent;
    private final Class<? extends Enum<?>> values;
    private final String labelFr;
    private final String labelEn;

    Dimension(String apiName, String column, Nature nature, Dimension parent, Class<? extends Enum<?>> values,
              String labelFr, String labelEn) {
        this.apiName = apiName;
        this.column = column;
        this.nature = nature;
        this.parent = parent;
        this.values = values;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    public String apiName() {
        return apiName;
    }

    /** The column of the fact tables (and of the bridge tables for multi-valued ones). */
    public String column() {
        return column;
    }

    public Nature nature() {
        return nature;
    }

    public Optional<Dimension> parent() {
        return Optional.ofNullable(parent);
    }

    /** Whether this is a level of the territory (values checked against the referential, not an enum). */
    public boolean territorial() {
        return values == null;
    }

    public String labelFr() {
        return labelFr;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The constants of an enumerated dimension, in their declaration order; empty for territorial ones. */
    public List<String> constants() {
        return values == null ? List.of() : Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
    }

    /** Label of an enumerated value in French and English (Stratum carries its own labels). */
    public Labels label(String constant) {
        for (Enum<?> e : values.getEnumConstants()) {
            if (e.name().equals(constant)) {
                if (e instanceof Labelled l) {
                    return new Labels(l.french(), l.english());
                }
                if (e instanceof Stratum s) {
                    return new Labels(s.labelFr(), s.labelEn());
                }
            }
        }
        return new Labels(constant, constant);
    }

    public static Optional<Dimension> ofApiName(String name) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(name)).findFirst();
    }

    /** A label in both languages of the dashboard. */
    public record Labels(String fr, String en) {
    }
}
