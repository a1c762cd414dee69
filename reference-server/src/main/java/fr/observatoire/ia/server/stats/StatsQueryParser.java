package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.model.Identifiers;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.referential.Referential;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the query string of {@code GET /api/v1/stats} into a {@link StatsQuery}, refusing with a problem that names
 * what is wrong: an unknown parameter (a typo must not silently widen the query), measure or dimension, a value
 * that is not one of the dimension's, a territory the referential does not have, a period in the future, a range
 * backwards or too long, a page too large.
 */
public final class StatsQueryParser {
    private static final Set<String> PARAMETERS = Set.of("measure", "by", "period", "from", "to", "limit", "offset");

    private final Referential referential;
    private final LocalDate today;

    public StatsQueryParser(Referential referential, LocalDate today) {
        this.referential = referential;
        this.today = today;
    }

    /** {@code parameters}: each query parameter with all its values. */
    public StatsQuery parse(Map<String, List<String>> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name) && Dimension.ofApiName(name).isEmpty()) {
                throw new ApiProblem(ProblemType.INVALID_PARAMETER, "unknown parameter '" + name + "'; parameters are " + PARAMETERS
                        + " and the dimensions " + Arrays.stream(Dimension.values()).map(Dimension::apiName).toList());
            }
        }
        Measure measure = measure(single(parameters, "measure"));
        List<Dimension> by = by(measure, single(parameters, "by"));
        Map<Dimension, String> filters = filters(measure, parameters, by);
        if (by.contains(Dimension.COMMUNE) && !filters.containsKey(Dimension.DEPARTEMENT) && !filters.containsKey(Dimension.EPCI)) {
            // Every cell of a commune is hidden or zero; a list of the 34,875 communes of France is no statistic.
            throw invalid("'by=commune' needs a 'departement' or an 'epci' filter");
        }
        TimeGrain grain = grain(single(parameters, "period"));
        LocalDate current = grain.start(today);
        LocalDate to = bucket(grain, "to", single(parameters, "to"), current);
        LocalDate from = bucket(grain, "from", single(parameters, "from"), grain.minus(to, defaultSpan(grain) - 1));
        if (to.isAfter(current)) {
            throw invalid("'to' is " + grain.format(to) + ", a period in the future; the current one is " + grain.format(current));
        }
        if (from.isAfter(to)) {
            throw invalid("'from' (" + grain.format(from) + ") is after 'to' (" + grain.format(to) + ")");
        }
        int buckets = grain.range(from, to).size();
        if (buckets > maxSpan(grain)) {
            throw invalid("from " + grain.format(from) + " to " + grain.format(to) + " is " + buckets + " " + grain.apiName()
                    + "s; at most " + maxSpan(grain) + " at once");
        }
        int limit = integer("limit", single(parameters, "limit"), StatsQuery.DEFAULT_LIMIT, 1, StatsQuery.MAX_LIMIT);
        int offset = integer("offset", single(parameters, "offset"), 0, 0, Integer.MAX_VALUE);
        return new StatsQuery(measure, by, filters, grain, from, to, limit, offset);
    }

    /** Buckets in the default range, ending with the current one: a year of months, a quarter of weeks. */
    private static int defaultSpan(TimeGrain grain) {
        return switch (grain) {
            case WEEK, MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 3;
        };
    }

    /** At most this many buckets in one query: two years of weeks, five of months and quarters, ten years. */
    private static int maxSpan(TimeGrain grain) {
        return switch (grain) {
            case WEEK -> 106;
            case MONTH -> 60;
            case QUARTER -> 20;
            case YEAR -> 10;
        };
    }

    private static Measure measure(String name) {
        if (name == null) {
            throw invalid("'measure' is required: one of " + measureNames());
        }
        return Measure.ofApiName(name).orElseThrow(() -> new ApiProblem(ProblemType.UNKNOWN_MEASURE,
                "unknown measure '" + name + "'; measures are " + measureNames()));
    }

    private static List<Dimension> by(Measure measure, String text) {
        List<Dimension> by = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return by;
        }
        for (String name : text.split(",", -1)) {
            Dimension dimension = dimension(measure, name.strip());
            if (by.contains(dimension)) {
                throw invalid("'by' names '" + dimension.apiName() + "' twice");
            }
            by.add(dimension);
        }
        if (by.size() > StatsQuery.MAX_BY) {
            throw invalid("'by' has " + by.size() + " dimensions; at most " + StatsQuery.MAX_BY + " (the period is always one more)");
        }
        return by;
    }

    private Map<Dimension, String> filters(Measure measure, Map<String, List<String>> parameters, List<Dimension> by) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (String name : parameters.keySet()) {
            if (PARAMETERS.contains(name)) {
                continue;
            }
            Dimension dimension = dimension(measure, name);
            if (by.contains(dimension)) {
                throw invalid("'" + name + "' is both a filter and in 'by'");
            }
            filters.put(dimension, value(dimension, single(parameters, name)));
        }
        return filters;
    }

    private static Dimension dimension(Measure measure, String name) {
        Dimension dimension = Dimension.ofApiName(name).orElseThrow(() -> new ApiProblem(ProblemType.UNKNOWN_DIMENSION,
                "unknown dimension '" + name + "'; the dimensions of '" + measure.apiName() + "' are " + dimensionNames(measure)));
        if (!measure.dimensions().contains(dimension)) {
            throw new ApiProblem(ProblemType.UNKNOWN_DIMENSION, "the measure '" + measure.apiName() + "' has no dimension '" + name
                    + "'; its dimensions are " + dimensionNames(measure));
        }
        return dimension;
    }

    private String value(Dimension dimension, String value) {
        if (!dimension.territorial()) {
            if (!dimension.constants().contains(value)) {
                throw invalid("'" + dimension.apiName() + "' must be one of " + dimension.constants() + ", was '" + value + "'");
            }
            return value;
        }
        boolean wellFormed = switch (dimension) {
            case DEPARTEMENT -> Identifiers.isValidDepartementCode(value);
            case EPCI -> Identifiers.isValidSiren(value);
            default -> Identifiers.isValidCommuneCode(value);
        };
        if (!wellFormed) {
            throw invalid("'" + dimension.apiName() + "' must be " + switch (dimension) {
                case DEPARTEMENT -> "a département code (01 to 95, 2A, 2B, 971 to 976)";
                case EPCI -> "the SIREN of an EPCI";
                default -> "the INSEE code of a commune";
            } + ", was '" + value + "'");
        }
        boolean known = switch (dimension) {
            case DEPARTEMENT -> referential.departement(value).isPresent();
            case EPCI -> referential.epciBySiren(value).isPresent();
            default -> referential.communeByInsee(value).isPresent();
        };
        if (!known) {
            throw new ApiProblem(ProblemType.UNKNOWN_TERRITORY, "the referential (" + referential.source() + ") has no "
                    + dimension.apiName() + " '" + value + "'");
        }
        return value;
    }

    private static TimeGrain grain(String name) {
        if (name == null) {
            return TimeGrain.MONTH;
        }
        return TimeGrain.ofApiName(name).orElseThrow(() -> invalid("'period' must be one of "
                + Arrays.stream(TimeGrain.values()).map(TimeGrain::apiName).toList() + ", was '" + name + "'"));
    }

    private static LocalDate bucket(TimeGrain grain, String name, String text, LocalDate absent) {
        if (text == null) {
            return absent;
        }
        return grain.parse(text).orElseThrow(() -> invalid("'" + name + "' must name a " + grain.apiName() + " like "
                + grain.example() + ", was '" + text + "'"));
    }

    private static int integer(String name, String text, int absent, int min, int max) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("'" + name + "' must be an integer from " + min + " to " + max + ", was '" + text + "'");
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid("'" + name + "' is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    private static String measureNames() {
        return Arrays.stream(Measure.values()).map(Measure::apiName).toList().toString();
    }

    private static String dimensionNames(Measure measure) {
        return measure.dimensions().stream().map(Dimension::apiName).collect(Collectors.toList()).toString();
    }

    private static ApiProblem invalid(String detail) {
        return new ApiProblem(ProblemType.INVALID_PARAMETER, detail);
    }
}
