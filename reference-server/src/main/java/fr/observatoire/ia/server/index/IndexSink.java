package fr.observatoire.ia.server.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Something built from accepted declarations (the statistics' facts, the public register). The indexer hands a sink
 * each declaration once, in a transaction that also records it as indexed: a sink does not need to be idempotent
 * itself, but must accept declarations in any order (a collectivité's outbox may deliver an old period after a newer
 * one).
 */
public interface IndexSink {

    /**
     * Writes the declarations of one transaction, in ingest order, as one set: statements prepared once and batched
     * for all of them, since some fifty single-row statements per declaration were most of what indexing cost. The
     * chunk may hold several declarations of one collectivité. The result must be exactly what calling {@link #index}
     * for each declaration, in that order, would give.
     *
     * @param declarations a transaction's worth (the indexer passes at most a hundred), in ingest order
     */
    void indexAll(Connection connection, List<AcceptedDeclaration> declarations) throws SQLException;

    /** Writes one declaration: a chunk of one. */
    default void index(Connection connection, AcceptedDeclaration declaration) throws SQLException {
        indexAll(connection, List.of(declaration));
    }
}
