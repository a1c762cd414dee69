package fr.observatoire.ia.server.log;

import fr.observatoire.ia.protocol.merkle.MerkleTree;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.TlogProof;
import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The append-only Merkle log (RFC 9162 hashing) of everything the observatory accepted, with signed
 * C2SP checkpoints. Appends happen inside the caller's transaction, the one that stores what is
 * appended: both commit or neither does.
 *
 * <p>Appends are serialised by a lock on the log's head row, held to the end of the transaction, and
 * each one computes the new root from the locked head: two checkpoints of one size with different
 * roots cannot be signed (and the checkpoint table's primary key on the size forbids storing them).
 */
@ApplicationScoped
public class TransparencyLog {
    private final LogKey key;
    private final LogRepository repository;
    private final NodeCache cache;

    /** The frontier after this process's last append; checked against the locked head before use. */
    private volatile Frontier frontier;

    @Inject
    public TransparencyLog(LogKey key, LogRepository repository, NodeCache cache) {
        this.key = key;
        this.repository = repository;
        this.cache = cache;
    }

    /** One entry appended, and what its receipt carries: the leaf index and the C2SP tlog-proof text. */
    public record Appended(long index, String tlogProof) {
    }

    /**
     * Locks the log for the rest of {@code connection}'s transaction. Take it first, before any other
     * row the transaction changes: every writer does so, and one lock order means no deadlock.
     */
    public Appender lock(Connection connection) throws SQLException {
        LogState state = repository.lock(connection);
        if (state.origin() != null && !state.origin().equals(key.origin())) {
            throw new IllegalStateException("this log's origin is '" + state.origin() + "' but observatoire.log.origin is '"
                    + key.origin() + "': a log keeps its origin for life (clients verify checkpoints against it)");
        }
        return new Appender(connection, state);
    }

    /** Appends under the lock; one {@link #append} per lock. */
    public final class Appender {
        private final Connection connection;
        private final LogState state;
        private boolean used;

        private Appender(Connection connection, LogState state) {
            this.connection = connection;
            this.state = state;
        }

        /** The log's size when locked. */
        public long size() {
            return state.size();
        }

        /**
         * Appends {@code entries} in order, signs the checkpoint of the new tree and stores everything.
         * The rows the entries name (declarations, key events) must already be inserted.
         */
        public List<Appended> append(List<LogEntry> entries) throws SQLException {
            if (used) {
                throw new IllegalStateException("one append per lock");
            }
            used = true;
            if (entries.isEmpty()) {
                return List.of();
            }
            PendingAppend pending = new PendingAppend(frontierAt(connection, state));
            List<Long> indexes = new ArrayList<>(entries.size());
            for (LogEntry entry : entries) {
                indexes.add(pending.add(entry.data()));
            }
            SignedCheckpoint checkpoint = sign(pending.size(), pending.root());
            List<Appended> appended = new ArrayList<>(entries.size());
            List<LogRepository.Leaf> leaves = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                long index = indexes.get(i);
                String proof = new TlogProof(index, pending.inclusionProof(index), checkpoint.note()).text();
                appended.add(new Appended(index, proof));
                LogEntry entry = entries.get(i);
                leaves.add(new LogRepository.Leaf(index, pending.leafHash(index), entry.declarationId(), entry.keyEventId(), pending.size()));
            }
            repository.insertLeaves(connection, leaves, checkpoint.createdAt());
            repository.insertNodes(connection, pending.newNodes());
            repository.insertCheckpoint(connection, checkpoint);
            repository.updateState(connection, pending.size(), pending.root(), key.origin());
            // Kept optimistically: if this transaction rolls back, the next append sees another head and reloads.
            frontier = pending.frontier();
            return appended;
        }

        /** Signs the current tree if no checkpoint of its size exists yet (the empty log at first start). */
        public Optional<SignedCheckpoint> signIfUnsigned() throws SQLException {
            if (repository.checkpoint(connection, state.size()).isPresent()) {
                return Optional.empty();
            }
            SignedCheckpoint checkpoint = sign(state.size(), state.root());
            repository.insertCheckpoint(connection, checkpoint);
            repository.updateState(connection, state.size(), state.root(), key.origin());
            return Optional.of(checkpoint);
        }

        private SignedCheckpoint sign(long size, byte[] root) {
            String note = key.sign(new Checkpoint(key.origin(), size, root).text());
            return new SignedCheckpoint(size, Hashes64.encode(root), note, Sql.now());
        }
    }

    /**
     * The frontier of the locked head: the one kept from the last append when it matches (size and root),
     * otherwise read from the stored tree (after a restart, or when another instance appended) and
     * checked against the head's root, so that a damaged tree is never extended.
     */
    private Frontier frontierAt(Connection connection, LogState state) {
        Frontier kept = frontier;
        if (kept != null && kept.matches(state.size(), state.root())) {
            return kept;
        }
        Frontier read = Frontier.of(state.size(), new StoredSubtreeHashes(connection, repository, cache));
        if (!read.matches(state.size(), state.root())) {
            throw new IllegalStateException("the stored log tree of size " + state.size() + " does not lead to the root of its head "
                    + Hashes64.encode(state.root()) + ": refusing to append (restore the database from a backup)");
        }
        return read;
    }

    public Optional<SignedCheckpoint> latestCheckpoint(Connection connection) throws SQLException {
        return repository.latestCheckpoint(connection);
    }

    /**
     * The receipt proof of leaf {@code index} appended under the checkpoint of {@code checkpointSize}:
     * the same text as when it was appended (the proof is a function of the stored tree).
     */
    public String tlogProof(Connection connection, long index, long checkpointSize) throws SQLException {
        SignedCheckpoint checkpoint = repository.checkpoint(connection, checkpointSize).orElseThrow(() -> new IllegalStateException(
                "the log has no checkpoint of size " + checkpointSize + ", which leaf " + index + " was appended under"));
        List<byte[]> proof = new MerkleTree(new StoredSubtreeHashes(connection, repository, cache)).inclusionProof(index, checkpointSize);
        return new TlogProof(index, proof, checkpoint.note()).text();
    }

    /** The inclusion proof of leaf {@code index} in the tree of {@code size} leaves; both already checked against the log. */
    public InclusionProofView inclusionProof(Connection connection, long index, long size) {
        StoredSubtreeHashes hashes = new StoredSubtreeHashes(connection, repository, cache);
        return new InclusionProofView(index, size, Hashes64.encode(hashes.get(0, index)),
                Hashes64.encode(new MerkleTree(hashes).inclusionProof(index, size)));
    }

    /** The consistency proof from the tree of {@code from} leaves to the tree of {@code to}; both already checked. */
    public ConsistencyProofView consistencyProof(Connection connection, long from, long to) {
        StoredSubtreeHashes hashes = new StoredSubtreeHashes(connection, repository, cache);
        return new ConsistencyProofView(from, to, Hashes64.encode(new MerkleTree(hashes).consistencyProof(from, to)));
    }

    public List<LogEntryView> entries(Connection connection, long start, int limit, boolean withDeclarationData) throws SQLException {
        return repository.entries(connection, start, limit, withDeclarationData);
    }

    /** Entries accepted before the log existed, oldest first. */
    public List<LogEntry> declarationsOutsideTheLog(Connection connection, int limit) throws SQLException {
        return repository.declarationsOutsideTheLog(connection, limit);
    }

    public String origin() {
        return key.origin();
    }
}
