package fr.observatoire.ia.server.log;

import fr.observatoire.ia.server.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * What the log serves to anyone: its latest checkpoint, proofs and entries. Every request is checked
 * against the latest checkpoint read on the same connection, so a proof is always about a tree the log
 * signed.
 */
@ApplicationScoped
public class LogService {
    private final Database database;
    private final TransparencyLog log;

    @Inject
    LogService(Database database, TransparencyLog log) {
        this.database = database;
        this.log = log;
    }

    public SignedCheckpoint latestCheckpoint() {
        return database.read(log::latestCheckpoint)
                .orElseThrow(() -> new IllegalStateException("the log has no checkpoint: it is signed at start-up"));
    }

    public InclusionProofView inclusionProof(String index, String size) {
        return database.read(connection -> {
            long[] range = LogRanges.inclusion(index, size, treeSize(connection));
            return log.inclusionProof(connection, range[0], range[1]);
        });
    }

    public ConsistencyProofView consistencyProof(String from, String to) {
        return database.read(connection -> {
            long[] range = LogRanges.consistency(from, to, treeSize(connection));
            return log.consistencyProof(connection, range[0], range[1]);
        });
    }

    public List<LogEntryView> entries(String start, String limit, boolean withDeclarationData) {
        long[] range = LogRanges.entries(start, limit);
        return database.read(connection -> log.entries(connection, range[0], (int) range[1], withDeclarationData));
    }

    private long treeSize(java.sql.Connection connection) throws java.sql.SQLException {
        return log.latestCheckpoint(connection).map(SignedCheckpoint::size).orElse(0L);
    }
}
