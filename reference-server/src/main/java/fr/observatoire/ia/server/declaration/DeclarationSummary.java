package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.PeriodKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What anyone may see of an accepted declaration: who, when, its place in the chain, and two sizes.
 * Not its content, which the publication rules will govern.
 *
 * @param usages        number of AI usages in its inventory
 * @param activityTotal sum of its activity counts
 */
public record DeclarationSummary(UUID declarationId, String siren, String collectiviteName, DeclarantKind kind, long sequence,
                                 LocalDate periodStart, LocalDate periodEnd, PeriodKind periodKind, Instant issuedAt,
                                 Instant receivedAt, String declarationHash, String kid, int usages, long activityTotal) {
}
