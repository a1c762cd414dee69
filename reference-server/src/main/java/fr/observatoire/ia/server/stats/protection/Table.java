package fr.observatoire.ia.server.stats.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statistical table to protect: its axes and its non-empty cells, keyed by one coordinate per axis. Empty cells
 * are not listed: they have no contributor and are published as zero.
 *
 * @param parents       for an axis (by index), the aggregate of each line's parent, keyed like the line (the cell's
 *                      key with that coordinate replaced by the axis' {@code parentOf}); required for
 *                      {@link LineKind#NON_ADDITIVE} axes, whose cells' complement cannot be computed from the cells
 * @param hiddenParents for an axis (by index), the lines whose parent the coarser table hides: then so must this
 *                      table hide at least one of their cells, or the published cells would add up to the parent
 * @param people        whether the values count people (the rule of 11 applies)
 */
public record Table(List<Axis> axes, Map<List<String>, Aggregate> cells, Map<Integer, Map<List<String>, Aggregate>> parents,
                    Map<Integer, Set<List<String>>> hiddenParents, boolean people) {
    /** The coordinate of a parent cell along an axis without a coarser level: every value at once. */
    public static final String ALL = "*";

    public Table {
        axes = List.copyOf(axes);
        cells = Map.copyOf(cells);
        parents = Map.copyOf(parents);
        hiddenParents = Map.copyOf(hiddenParents);
        for (List<String> key : cells.keySet()) {
            if (key.size() != axes.size()) {
                throw new IllegalArgumentException("key " + key + " does not have " + axes.size() + " coordinates");
            }
        }
    }

    /** A table whose parents are all public (or unknown): nothing is inherited from a coarser table. */
    public Table(List<Axis> axes, Map<List<String>, Aggregate> cells, Map<Integer, Map<List<String>, Aggregate>> parents, boolean people) {
        this(axes, cells, parents, Map.of(), people);
    }

    /** The key of the line along axis {@code axis} that the cell {@code key} belongs to (and of that line's parent). */
    public List<String> lineKey(List<String> key, int axis) {
        List<String> line = new ArrayList<>(key);
        line.set(axis, axes.get(axis).parentOf().apply(key.get(axis)));
        return List.copyOf(line);
    }
}
