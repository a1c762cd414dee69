package fr.observatoire.ia.server.stats.protection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Primary and secondary suppression of a {@link Table}, assuming the worst: every parent of every line (the
 * table one level coarser along that axis) is public, since another query can ask for it.
 *
 * <ol>
 *   <li>Primary: each cell that breaks a {@link Rules rule} is hidden with that rule as reason.</li>
 *   <li>Secondary, in every line that adds up to its parent: if some cells are hidden, at least two must be, and
 *       their sum must itself pass the rules (otherwise parent minus the published cells gives it away); the
 *       smallest published cell is hidden next, until it holds or every cell is hidden. Cells that are alone in a
 *       line of another axis are never chosen: their value is that line's parent, public anyway.</li>
 *   <li>In a line whose cells overlap (non-additive), a published cell must leave a complement in its parent
 *       that passes the rules, otherwise parent minus cell gives the complement away.</li>
 *   <li>A parent that the coarser table hides keeps at least one hidden cell in its line (else the published
 *       cells add up to it), and no cell equal to it is published.</li>
 *   <li>Repeat until nothing changes: a cell hidden for one line may leave another line with a single hidden cell.</li>
 * </ol>
 *
 * <p>The result depends only on the table (lines and cells are visited in a fixed order), never on the query that
 * asked for it: a cell is published or hidden the same way whichever query returns it.
 */
public final class Protector {
    private final Rules rules;

    public Protector(Rules rules) {
        this.rules = rules;
    }

    /** A line: the non-empty cells that differ only along {@code axis}, smallest first. */
    record Line(int axis, LineKind kind, List<String> key, List<List<String>> members, Aggregate parent, boolean parentHidden) {
    }

    /** The hidden cells of the table and why; every other non-empty cell is published. */
    public Map<List<String>, Reason> protect(Table table) {
        Map<List<String>, Reason> hidden = new HashMap<>();
        table.cells().forEach((key, cell) -> rules.primary(cell, table.people()).ifPresent(reason -> hidden.put(key, reason)));
        List<Line> lines = lines(table);
        Set<List<String>> locked = locked(table, lines);
        boolean changed;
        do {
            changed = false;
            for (Line line : lines) {
                changed |= inherit(table, line, hidden);
                changed |= line.kind() == LineKind.NON_ADDITIVE
                        ? protectComplements(table, line, hidden)
                        : protectSum(table, line, hidden, locked);
            }
        } while (changed);
        return hidden;
    }

    private boolean protectSum(Table table, Line line, Map<List<String>, Reason> hidden, Set<List<String>> locked) {
        List<List<String>> suppressed = new ArrayList<>();
        for (List<String> member : line.members()) {
            if (hidden.containsKey(member)) {
                suppressed.add(member);
            }
        }
        if (suppressed.isEmpty() || suppressed.size() == line.members().size()) {
            return false;
        }
        boolean changed = false;
        while (suppressed.size() < line.members().size() && (suppressed.size() < 2 || !passes(table, line.kind(), suppressed))) {
            List<String> next = null;
            for (List<String> member : line.members()) {
                if (!hidden.containsKey(member) && !locked.contains(member)) {
                    next = member;
                    break;
                }
            }
            if (next == null) {
                // Every published cell left equals a public total: hiding them is all this table can do.
                for (List<String> member : line.members()) {
                    hidden.putIfAbsent(member, Reason.SECONDARY);
                }
                return true;
            }
            hidden.put(next, Reason.SECONDARY);
            suppressed.add(next);
            changed = true;
        }
        return changed;
    }

    /**
     * A parent the coarser table hides must stay hidden here: in an additive line at least one cell is hidden (else
     * the published cells add up to it), in a non-additive one no cell equal to the parent is published.
     */
    private static boolean inherit(Table table, Line line, Map<List<String>, Reason> hidden) {
        if (!line.parentHidden()) {
            return false;
        }
        if (line.kind() == LineKind.NON_ADDITIVE) {
            boolean changed = false;
            for (List<String> member : line.members()) {
                if (!hidden.containsKey(member) && equal(table.cells().get(member), line.parent())) {
                    hidden.put(member, Reason.SECONDARY);
                    changed = true;
                }
            }
            return changed;
        }
        for (List<String> member : line.members()) {
            if (hidden.containsKey(member)) {
                return false;
            }
        }
        hidden.put(line.members().get(0), Reason.SECONDARY);
        return true;
    }

    private boolean protectComplements(Table table, Line line, Map<List<String>, Reason> hidden) {
        boolean changed = false;
        for (List<String> member : line.members()) {
            if (!hidden.containsKey(member) && !complementPasses(line.parent(), table.cells().get(member), table.people())) {
                hidden.put(member, Reason.SECONDARY);
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Whether the sum of these cells passes the rules. Exact for a partition; for an additive line where a
     * collectivité may be in several cells, a safe bound: at least as many collectivités as the largest cell has,
     * and a largest contribution no bigger than the sum of the cells' largest ones.
     */
    private boolean passes(Table table, LineKind kind, List<List<String>> cells) {
        long value = 0;
        long units = 0;
        long largest = 0;
        for (List<String> key : cells) {
            Aggregate cell = table.cells().get(key);
            value += cell.value();
            units = kind == LineKind.PARTITION ? units + cell.units() : Math.max(units, cell.units());
            largest = kind == LineKind.PARTITION ? Math.max(largest, cell.largest()) : largest + cell.largest();
        }
        return rules.primary(new Aggregate(value, (int) Math.min(units, Integer.MAX_VALUE), Math.min(largest, value)),
                table.people()).isEmpty();
    }

    /**
     * Whether parent minus cell passes the rules. The cell's contributions are part of the parent's, so the value
     * is exact; the number of collectivités is bounded below by the parent's minus the cell's (at least one when
     * something is left), and the largest contribution above by the parent's largest.
     */
    private boolean complementPasses(Aggregate parent, Aggregate cell, boolean people) {
        if (parent == null) {
            return false;
        }
        long value = parent.value() - cell.value();
        int units = parent.units() - cell.units();
        if (value <= 0 && units <= 0) {
            return true; // nothing is left: the cell is its parent
        }
        long left = Math.max(value, 0);
        return rules.primary(new Aggregate(left, Math.max(units, 1), Math.min(parent.largest(), left)), people).isEmpty();
    }

    private static List<Line> lines(Table table) {
        Comparator<List<String>> byKey = Protector::compareKeys;
        Comparator<List<String>> smallestFirst = Comparator
                .<List<String>>comparingLong(k -> table.cells().get(k).value())
                .thenComparingInt(k -> table.cells().get(k).units())
                .thenComparing(byKey);
        List<Line> lines = new ArrayList<>();
        for (int axis = 0; axis < table.axes().size(); axis++) {
            LineKind kind = table.axes().get(axis).lines();
            if (kind == LineKind.NONE) {
                continue;
            }
            Map<List<String>, List<List<String>>> members = new TreeMap<>(byKey);
            for (List<String> key : table.cells().keySet()) {
                members.computeIfAbsent(table.lineKey(key, axis), k -> new ArrayList<>()).add(key);
            }
            Map<List<String>, Aggregate> parents = table.parents().getOrDefault(axis, Map.of());
            Set<List<String>> hiddenParents = table.hiddenParents().getOrDefault(axis, Set.of());
            for (Map.Entry<List<String>, List<List<String>>> line : members.entrySet()) {
                line.getValue().sort(smallestFirst);
                lines.add(new Line(axis, kind, line.getKey(), List.copyOf(line.getValue()), parents.get(line.getKey()),
                        hiddenParents.contains(line.getKey())));
            }
        }
        return lines;
    }

    /**
     * Cells whose value a public parent gives away: alone in an additive line, or equal to a non-additive line's
     * parent. (When that parent is hidden, {@link #inherit} hides them.)
     */
    private static Set<List<String>> locked(Table table, List<Line> lines) {
        Set<List<String>> locked = new HashSet<>();
        for (Line line : lines) {
            if (line.parentHidden()) {
                continue;
            }
            if (line.kind() == LineKind.NON_ADDITIVE) {
                for (List<String> member : line.members()) {
                    if (equal(table.cells().get(member), line.parent())) {
                        locked.add(member);
                    }
                }
            } else if (line.members().size() == 1) {
                locked.add(line.members().get(0));
            }
        }
        return locked;
    }

    private static boolean equal(Aggregate cell, Aggregate parent) {
        return parent != null && parent.value() == cell.value() && parent.units() == cell.units();
    }

    static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
