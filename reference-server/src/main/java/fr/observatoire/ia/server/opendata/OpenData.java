package fr.observatoire.ia.server.opendata;

import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.registry.RegisterService;
import fr.observatoire.ia.server.stats.Dimension;
import fr.observatoire.ia.server.stats.Measure;
import fr.observatoire.ia.server.stats.StatsService;
import fr.observatoire.ia.server.stats.TimeGrain;
import fr.observatoire.ia.server.web.Csv;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open data of the observatory: a Data Package (frictionless specs, the format data.gouv.fr validates) whose
 * resources are CSV files with their Table Schema, each also served as JSON, under Licence Ouverte 2.0.
 */
@ApplicationScoped
public class OpenData {
    static final Map<String, Object> LICENCE = Map.of("name", "etalab-2.0", "title", "Licence Ouverte / Open Licence version 2.0",
            "path", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");

    private final List<Dataset> datasets;

    @Inject
    OpenData(StatsService stats, RegisterService register) {
        this.datasets = List.of(
                new StatsDataset("statistiques-adoption", "Adoption de l'IA par les communes, par département et strate de population",
                        "Par mois, sur les douze derniers mois, pour chaque département et chaque strate : part des communes du "
                                + "référentiel qui ont déclaré au moins un usage d'IA.",
                        Measure.ADOPTION, List.of(Dimension.DEPARTEMENT, Dimension.STRATUM), Map.of(Dimension.KIND, "COMMUNE"),
                        TimeGrain.MONTH, 12, stats),
                new StatsDataset("statistiques-usages", "Usages de l'IA par département, finalité et stade",
                        "Par trimestre, sur les quatre derniers trimestres.",
                        Measure.USAGES, List.of(Dimension.DEPARTEMENT, Dimension.PURPOSE, Dimension.STAGE), Map.of(),
                        TimeGrain.QUARTER, 4, stats),
                new StatsDataset("statistiques-incidents", "Incidents d'IA par département, catégorie et gravité",
                        "Par trimestre, sur les quatre derniers trimestres.",
                        Measure.INCIDENTS, List.of(Dimension.DEPARTEMENT, Dimension.CATEGORY, Dimension.SEVERITY), Map.of(),
                        TimeGrain.QUARTER, 4, stats),
                new RegisterDataset(register));
    }

    public List<Dataset> datasets() {
        return datasets;
    }

    public Dataset dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND,
                "no dataset '" + name + "'; see /opendata/datapackage.json"));
    }

    /** The Data Package descriptor: every dataset as a CSV resource with its schema, and as JSON. */
    public Map<String, Object> datapackage() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", "tabular-data-package");
        json.put("name", "observatoire-ia-collectivites");
        json.put("title", "Observatoire de l'IA dans les collectivités");
        json.put("description", "Statistiques protégées par le secret statistique (pas de case de moins de 3 collectivités, aucune "
                + "collectivité au-delà de 85 % d'une case, aucun décompte de personnes sous 11, secret induit) et registre public "
                + "des usages, construits à partir des déclarations signées des collectivités.");
        json.put("licenses", List.of(LICENCE));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Dataset dataset : datasets) {
            resources.add(resource(dataset));
            Map<String, Object> asJson = new LinkedHashMap<>();
            asJson.put("name", dataset.name() + "-json");
            asJson.put("path", dataset.name() + ".json");
            asJson.put("title", dataset.title() + " (JSON)");
            asJson.put("format", "json");
            asJson.put("mediatype", "application/json");
            asJson.put("encoding", "utf-8");
            asJson.put("licenses", List.of(LICENCE));
            resources.add(asJson);
        }
        json.put("resources", resources);
        return json;
    }

    private static Map<String, Object> resource(Dataset dataset) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("profile", "tabular-data-resource");
        resource.put("name", dataset.name());
        resource.put("path", dataset.name() + ".csv");
        resource.put("title", dataset.title());
        resource.put("description", dataset.description());
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put("licenses", List.of(LICENCE));
        resource.put("schema", schema(dataset));
        return resource;
    }

    public static Map<String, Object> schema(Dataset dataset) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", dataset.fields().stream().map(Field::descriptor).toList());
        schema.put("missingValues", List.of(""));
        return schema;
    }

    public static String csv(Dataset dataset) {
        List<String> header = dataset.fields().stream().map(Field::name).toList();
        return Csv.write(header, new ArrayList<>(dataset.rows()));
    }

    /** The same rows as the CSV, as objects keyed by field name; an empty value is null. */
    public static Map<String, Object> json(Dataset dataset) {
        List<Field> fields = dataset.fields();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> values : dataset.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                row.put(fields.get(i).name(), values.get(i));
            }
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", dataset.name());
        json.put("title", dataset.title());
        json.put("licence", LICENCE);
        json.put("schema", schema(dataset));
        json.put("rows", rows);
        return json;
    }
}
