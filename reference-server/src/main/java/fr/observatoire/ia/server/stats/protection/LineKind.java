package fr.observatoire.ia.server.stats.protection;

/**
 * How the cells of a line (the cells that differ only along one axis) relate to their parent, the cell a coarser
 * query publishes: which attack a published parent allows, and so which secondary suppression protects against it.
 */
public enum LineKind {
    /** The parent is the sum of the cells and each collectivité is in one cell only (territory, stratum, kind). */
    PARTITION,
    /** The parent is the sum of the cells; a collectivité may contribute to several (purposes of its usages, months). */
    ADDITIVE,
    /**
     * The cells overlap and do not add up (a collectivité counted once under each purpose it has; usages with
     * several obstacles): the attack is the parent minus one cell, so each published cell's complement must pass.
     */
    NON_ADDITIVE,
    /** No published parent to attack with (an ancestor level whose descendant is also an axis; years). */
    NONE
}
