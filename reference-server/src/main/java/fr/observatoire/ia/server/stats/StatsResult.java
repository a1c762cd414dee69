package fr.observatoire.ia.server.stats;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link StatsQuery}: a page of cells, how many there are in all, and the labels of every value
 * they use.
 *
 * @param dimensions the table's dimensions, in canonical order: the query's, with the ancestors of hierarchical ones
 * @param labels     for each dimension, the French and English label of each value the cells use
 */
public record StatsResult(StatsQuery query, List<Dimension> dimensions, List<StatsCell> cells, int total,
                          Map<Dimension, Map<String, Dimension.Labels>> labels) {
}
