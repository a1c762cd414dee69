package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.server.stats.protection.Reason;
import fr.observatoire.ia.server.stats.protection.Rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the statistics API, as maps: a cell carries its coordinates as properties named after the
 * dimensions, which a record cannot express. A hidden cell has no value and no count of collectivités, and says why.
 */
public final class StatsJson {
    private StatsJson() {
    }

    public static Map<String, Object> result(StatsResult result) {
        StatsQuery query = result.query();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measure", query.measure().apiName());
        json.put("unit", labels(query.measure().unitFr(), query.measure().unitEn()));
        json.put("definition", labels(query.measure().definitionFr(), query.measure().definitionEn()));
        json.put("by", query.by().stream().map(Dimension::apiName).toList());
        Map<String, String> filters = new LinkedHashMap<>();
        query.filters().forEach((d, v) -> filters.put(d.apiName(), v));
        json.put("filters", filters);
        json.put("dimensions", result.dimensions().stream().map(Dimension::apiName).toList());
        json.put("period", query.grain().apiName());
        json.put("from", query.grain().format(query.from()));
        json.put("to", query.grain().format(query.to()));
        json.put("rules", rules(Rules.INSEE));
        json.put("total", result.total());
        json.put("offset", query.offset());
        json.put("limit", query.limit());
        List<Map<String, Object>> cells = new ArrayList<>(result.cells().size());
        for (StatsCell cell : result.cells()) {
            cells.add(cell(cell));
        }
        json.put("cells", cells);
        Map<String, Object> labels = new LinkedHashMap<>();
        result.labels().forEach((d, values) -> labels.put(d.apiName(), values));
        json.put("labels", labels);
        return json;
    }

    public static Map<String, Object> cell(StatsCell cell) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", cell.period());
        cell.coordinates().forEach((d, v) -> json.put(d.apiName(), v));
        json.put("value", cell.value());
        json.put("collectivites", cell.collectivites());
        if (cell.referentialCollectivites() != null) {
            json.put("referentialCollectivites", cell.referentialCollectivites());
        }
        json.put("suppressed", cell.suppressed());
        if (cell.suppressed()) {
            json.put("reason", cell.reason().slug());
        }
        return json;
    }

    public static Map<String, Object> rules(Rules rules) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("minCollectivites", rules.minUnits());
        json.put("maxShare", rules.maxShare());
        json.put("minPeople", rules.minPeople());
        Map<String, Object> reasons = new LinkedHashMap<>();
        for (Reason reason : Reason.values()) {
            reasons.put(reason.slug(), labels(reason.french(), reason.english()));
        }
        json.put("reasons", reasons);
        return json;
    }

    /** Everything a client needs to build queries and show them: measures, dimensions and their values, rules. */
    public static Map<String, Object> definitions(LocalDate today) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> measures = new ArrayList<>();
        for (Measure m : Measure.values()) {
            Map<String, Object> measure = new LinkedHashMap<>();
            measure.put("id", m.apiName());
            measure.put("unit", labels(m.unitFr(), m.unitEn()));
            measure.put("definition", labels(m.definitionFr(), m.definitionEn()));
            measure.put("kind", m.stock() ? "stock" : "flow");
            measure.put("dimensions", m.dimensions().stream().map(Dimension::apiName).toList());
            measures.add(measure);
        }
        json.put("measures", measures);
        List<Map<String, Object>> dimensions = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            Map<String, Object> dimension = new LinkedHashMap<>();
            dimension.put("id", d.apiName());
            dimension.put("label", labels(d.labelFr(), d.labelEn()));
            d.parent().ifPresent(p -> dimension.put("parent", p.apiName()));
            if (d.territorial()) {
                dimension.put("values", "referential");
            } else {
                Map<String, Object> values = new LinkedHashMap<>();
                for (String constant : d.constants()) {
                    values.put(constant, d.label(constant));
                }
                dimension.put("values", values);
            }
            dimensions.add(dimension);
        }
        json.put("dimensions", dimensions);
        json.put("periods", Arrays.stream(TimeGrain.values())
                .map(g -> Map.of("id", g.apiName(), "example", g.example(), "current", g.format(g.start(today)))).toList());
        json.put("rules", rules(Rules.INSEE));
        return json;
    }

    private static Map<String, String> labels(String fr, String en) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("fr", fr);
        labels.put("en", en);
        return labels;
    }
}
