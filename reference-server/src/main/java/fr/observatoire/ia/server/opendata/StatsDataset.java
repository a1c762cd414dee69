package fr.observatoire.ia.server.opendata;

import fr.observatoire.ia.server.stats.Dimension;
import fr.observatoire.ia.server.stats.Measure;
import fr.observatoire.ia.server.stats.StatsCell;
import fr.observatoire.ia.server.stats.StatsEngine;
import fr.observatoire.ia.server.stats.StatsQuery;
import fr.observatoire.ia.server.stats.StatsResult;
import fr.observatoire.ia.server.stats.StatsService;
import fr.observatoire.ia.server.stats.TimeGrain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed statistics table as an open dataset: the same cells the API gives for the same query, protected the same
 * way; a hidden cell has empty value and count, status {@code secret} and its reason.
 */
final class StatsDataset implements Dataset {
    /** Column names of the dimensions, in French like the rest of the file. */
    private static final Map<Dimension, String> COLUMNS = new EnumMap<>(Map.ofEntries(
            Map.entry(Dimension.DEPARTEMENT, "departement"), Map.entry(Dimension.EPCI, "epci"), Map.entry(Dimension.COMMUNE, "commune"),
            Map.entry(Dimension.STRATUM, "strate"), Map.entry(Dimension.KIND, "nature"), Map.entry(Dimension.PURPOSE, "finalite"),
            Map.entry(Dimension.STAGE, "stade"), Map.entry(Dimension.MATURITY, "maturite"), Map.entry(Dimension.GOVERNANCE, "encadrement"),
            Map.entry(Dimension.HOSTING, "hebergement"), Map.entry(Dimension.AI_ACT, "classe_ai_act"),
            Map.entry(Dimension.PUBLICATION, "publication"), Map.entry(Dimension.OBSTACLE, "obstacle"),
            Map.entry(Dimension.SERVICE, "service"), Map.entry(Dimension.ACTION, "action"), Map.entry(Dimension.CATEGORY, "categorie"),
            Map.entry(Dimension.SEVERITY, "gravite")));

    private final String name;
    private final String title;
    private final String description;
    private final Measure measure;
    private final List<Dimension> by;
    private final Map<Dimension, String> filters;
    private final TimeGrain grain;
    private final int buckets;
    private final StatsService stats;

    StatsDataset(String name, String title, String description, Measure measure, List<Dimension> by, Map<Dimension, String> filters,
                 TimeGrain grain, int buckets, StatsService stats) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.measure = measure;
        this.by = List.copyOf(by);
        this.filters = Map.copyOf(filters);
        this.grain = grain;
        this.buckets = buckets;
        this.stats = stats;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String description() {
        return description + " " + measure.definitionFr();
    }

    @Override
    public List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.string("periode", "Période", "Période (" + grain.apiName() + ", ex. " + grain.example() + ")").asRequired());
        fields.add(Field.string("periode_debut", "Début de la période", "Premier jour de la période").as("date").asRequired());
        for (Dimension d : dimensions()) {
            String column = COLUMNS.get(d);
            fields.add(Field.string(column, d.labelFr(), d.labelFr() + " (code)"));
            fields.add(Field.string(column + "_libelle", d.labelFr() + " (libellé)", d.labelFr() + " (libellé en français)"));
        }
        boolean adoption = measure == Measure.ADOPTION;
        fields.add(new Field("valeur", adoption ? "number" : "integer", "Valeur",
                (adoption ? "Taux d'adoption, de 0 à 1. " : "") + "Vide si la case est couverte par le secret statistique.", false));
        fields.add(new Field("collectivites", "integer", "Collectivités contributrices",
                "Nombre de collectivités qui contribuent à la case ; vide si la case est secrète.", false));
        if (adoption) {
            fields.add(new Field("collectivites_referentiel", "integer", "Collectivités du référentiel",
                    "Nombre de collectivités du référentiel dans la case (dénominateur du taux).", true));
        }
        fields.add(Field.string("statut", "Statut", "publie, ou secret (secret statistique)").asRequired());
        fields.add(Field.string("motif", "Motif du secret", "fewer-than-3-collectivites, fewer-than-11-people, dominance ou secondary"));
        return fields;
    }

    @Override
    public List<List<Object>> rows() {
        LocalDate to = grain.start(stats.today());
        LocalDate from = grain.minus(to, buckets - 1);
        List<List<Object>> rows = new ArrayList<>();
        int offset = 0;
        StatsResult result;
        do {
            result = stats.run(new StatsQuery(measure, by, filters, grain, from, to, StatsQuery.MAX_LIMIT, offset));
            for (StatsCell cell : result.cells()) {
                rows.add(row(result, cell));
            }
            offset += result.cells().size();
        } while (offset < result.total() && !result.cells().isEmpty());
        return rows;
    }

    private List<Object> row(StatsResult result, StatsCell cell) {
        List<Object> row = new ArrayList<>();
        row.add(cell.period());
        row.add(cell.bucket().toString());
        for (Dimension d : dimensions()) {
            String value = cell.coordinates().get(d);
            row.add(value);
            Dimension.Labels label = value == null ? null : result.labels().getOrDefault(d, Map.of()).get(value);
            row.add(label == null ? null : label.fr());
        }
        row.add(cell.value());
        row.add(cell.collectivites());
        if (measure == Measure.ADOPTION) {
            row.add(cell.referentialCollectivites());
        }
        row.add(cell.suppressed() ? "secret" : "publie");
        row.add(cell.suppressed() ? cell.reason().slug() : null);
        return row;
    }

    /** The table's dimensions, as the statistics build it (breakdowns, filters and their ancestors). */
    private List<Dimension> dimensions() {
        List<Dimension> all = new ArrayList<>(by);
        all.addAll(filters.keySet());
        return StatsEngine.tableDimensions(all);
    }
}
