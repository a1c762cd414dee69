package fr.observatoire.ia.sdk.internal.store;

import java.time.LocalDate;

/**
 * Where the declarant's chain stands, and which periods are done.
 *
 * @param lastSequence    sequence of the last declaration built, 0 before the first
 * @param lastHash        its payload hash, null before the first
 * @param declaredThrough end (exclusive) of the last declared period: no count may go to a period before it
 * @param trackingSince   start of the period of the first thing ever recorded: no declaration for earlier periods
 */
public record ChainState(long lastSequence, String lastHash, LocalDate declaredThrough, LocalDate trackingSince) {
}
