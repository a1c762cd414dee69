package fr.observatoire.ia.sdk.internal.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local store: a {@link DataSource} and one lock. Every access is a transaction under the lock, so the
 * checkpoint, the period closer and the sender never interleave their writes (SQLite has one writer anyway,
 * and serialising here keeps the same guarantees on any other database a host hands us). No network I/O
 * ever happens under this lock.
 */
public final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final boolean keepOpen;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection shared;
    private boolean closed;

    private Database(DataSource dataSource, boolean keepOpen) {
        this.dataSource = dataSource;
        this.keepOpen = keepOpen;
    }

    /**
     * One connection kept open for the SDK's lifetime: the SQLite file of the data directory. Opening one per
     * transaction would make SQLite checkpoint and delete its WAL at every close, an fsync storm for nothing.
     */
    public static Database keepingOneConnection(DataSource dataSource) {
        return new Database(dataSource, true);
    }

    /** A connection borrowed per transaction: a host's pooled DataSource. */
    public static Database borrowingConnections(DataSource dataSource) {
        return new Database(dataSource, false);
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws anything. Anything:
     * an {@link Error} (a host's conflicting library version, memory) must roll back too, because the
     * {@code finally} below switches auto-commit back on, and JDBC commits an open transaction when it does.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        Connection connection = null;
        try {
            connection = acquire();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Throwable e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("local store: " + e.getMessage(), e);
        } finally {
            release(connection);
            lock.unlock();
        }
    }

    private Connection acquire() throws SQLException {
        if (closed) {
            throw new SQLException("the store is closed");
        }
        if (!keepOpen) {
            return dataSource.getConnection();
        }
        if (shared == null || shared.isClosed()) {
            shared = dataSource.getConnection();
        }
        return shared;
    }

    private void release(Connection connection) {
        if (connection != null && !keepOpen) {
            closeQuietly(connection);
        }
    }

    /** Closes the kept connection; later transactions fail. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (shared != null) {
                closeQuietly(shared);
                shared = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // The connection goes back to its pool or is reused; the next transaction sets it again.
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing more to do with a connection we are done with.
        }
    }
}
