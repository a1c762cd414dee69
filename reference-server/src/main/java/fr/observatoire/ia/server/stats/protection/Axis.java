package fr.observatoire.ia.server.stats.protection;

import java.util.function.UnaryOperator;

/**
 * One axis of a {@link Table}.
 *
 * @param name     for messages and tests
 * @param lines    how the cells along this axis relate to their parent
 * @param parentOf the coordinate of the parent cell: {@link Table#ALL} for most axes; for time, the coarser bucket
 *                 (the months of a quarter form a line whose parent is the quarter)
 */
public record Axis(String name, LineKind lines, UnaryOperator<String> parentOf) {

    public static Axis of(String name, LineKind lines) {
        return new Axis(name, lines, value -> Table.ALL);
    }
}
