package fr.observatoire.ia.server.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A statistics query, validated.
 *
 * @param by      the dimensions to break the measure down by, in the caller's order (at most {@value #MAX_BY})
 * @param filters one value per filtered dimension
 * @param from    first bucket, included
 * @param to      last bucket, included
 */
public record StatsQuery(Measure measure, List<Dimension> by, Map<Dimension, String> filters, TimeGrain grain, LocalDate from,
                         LocalDate to, int limit, int offset) {
    public static final int MAX_BY = 3;
    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    public StatsQuery {
        by = List.copyOf(by);
        filters = Map.copyOf(filters);
    }
}
