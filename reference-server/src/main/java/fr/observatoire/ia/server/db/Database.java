package fr.observatoire.ia.server.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one database the server uses, H2 or PostgreSQL, and explicit JDBC transactions over it.
 *
 * <p>Both datasources are built into the application because Quarkus fixes a datasource's kind at
 * build time; which one is active is run-time configuration (docs/decisions/server-database.md).
 * Exactly one must be active: two would silently split the data. Checked at start-up, so a
 * misconfigured server does not start.
 */
@Startup
@ApplicationScoped
public class Database {
    private static final Logger LOG = Logger.getLogger(Database.class);

    /** Work done on a connection; may throw SQL errors, which end as a rollback. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource dataSource;
    private final String description;

    @Inject
    Database(@Default InjectableInstance<AgroalDataSource> h2,
             @io.quarkus.agroal.DataSource("pg") InjectableInstance<AgroalDataSource> postgresql) {
        boolean h2Active = h2.getHandle().getBean().isActive();
        boolean pgActive = postgresql.getHandle().getBean().isActive();
        if (h2Active == pgActive) {
            throw new IllegalStateException(h2Active
                    ? "both the H2 and the PostgreSQL datasource are active: set quarkus.datasource.active=false "
                    + "to use PostgreSQL (or run with -Dquarkus.profile=pg)"
                    : "no datasource is active: set quarkus.datasource.jdbc.url (H2) or quarkus.datasource.pg.jdbc.url (PostgreSQL)");
        }
        this.dataSource = h2Active ? h2.get() : postgresql.get();
        this.description = h2Active ? "H2" : "PostgreSQL";
        LOG.debugf("using the %s datasource", description);
    }

    /** "H2" or "PostgreSQL", for the start-up log. */
    public String description() {
        return description;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Like {@link #inTransaction}, but when a unique constraint refuses a row (a concurrent request
     * inserted it between our check and our insert), runs {@code work} once more: the second run sees
     * that row and answers as for any duplicate, instead of a 500.
     */
    public <T> T inTransactionRetryingOnConflict(Work<T> work) {
        try {
            return inTransaction(work);
        } catch (DatabaseException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            LOG.debugf("concurrent insert detected (%s), running the transaction again", e.getMessage());
            return inTransaction(work);
        }
    }

    /** Runs read-only {@code work} on a connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
