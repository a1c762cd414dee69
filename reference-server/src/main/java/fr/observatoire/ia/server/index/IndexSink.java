package fr.observatoire.ia.server.index;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Something built from accepted declarations (the statistics' facts, the public register). The indexer calls
 * every sink for a declaration in one transaction, once: a sink does not need to be idempotent itself, but must
 * accept declarations in any order (a collectivité's outbox may deliver an old period after a newer one).
 */
public interface IndexSink {
    void index(Connection connection, AcceptedDeclaration declaration) throws SQLException;
}
