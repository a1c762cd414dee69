package fr.observatoire.ia.server.db;

import java.sql.SQLException;

/** A database failure the request cannot recover from (it ends as a 500 internal-error). */
public class DatabaseException extends RuntimeException {
    /** SQLSTATE of a unique or primary key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Whether the failure is a unique constraint refusing a row: a concurrent insert got there first. */
    public boolean isUniqueViolation() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
