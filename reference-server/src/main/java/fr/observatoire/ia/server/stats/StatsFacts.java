package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.server.index.AcceptedDeclaration;
import fr.observatoire.ia.server.index.IndexSink;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the statistics' facts of accepted declarations (see V3__statistics_and_register.sql), a chunk of them at a
 * time.
 *
 * <p>Stocks ({@link StockFacts}): for every grain and every bucket a declaration's period overlaps, the declaration
 * replaces the collectivité's usages of that bucket if it is the latest one seen there (by period start, then
 * sequence), so that a usage removed from the inventory disappears and an old period delivered late changes nothing
 * it should not. Flows ({@link FlowFacts}): its counts are added to the week and the month of its period's first day.
 *
 * <p>Both work on the whole chunk as a set, with a few statements prepared once and batched, and leave exactly the
 * rows that writing the declarations one after the other would.
 */
@ApplicationScoped
public class StatsFacts implements IndexSink {

    @Override
    public void indexAll(Connection connection, List<AcceptedDeclaration> declarations) throws SQLException {
        StockFacts.write(connection, declarations);
        FlowFacts.add(connection, declarations);
    }
}
