package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.server.stats.protection.Reason;

import java.time.LocalDate;
import java.util.Map;

/**
 * One cell of an answer.
 *
 * @param coordinates              the cell's value on each dimension of the table ({@code null}: none, e.g. a
 *                                 département's EPCI)
 * @param value                    the measure (a share from 0 to 1 for adoption), null when hidden
 * @param collectivites            how many collectivités contribute, null when hidden
 * @param referentialCollectivites adoption only: how many collectivités of the referential the cell has
 * @param reason                   why the cell is hidden, null when published
 */
public record StatsCell(LocalDate bucket, String period, Map<Dimension, String> coordinates, Number value, Integer collectivites,
                        Integer referentialCollectivites, Reason reason) {

    public boolean suppressed() {
        return reason != null;
    }
}
