package fr.observatoire.ia.server.db;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Skips PostgreSQL tests when no PostgreSQL answers, unless {@code -Dobservatoire.pg.required=true}
 * (CI), where its absence is a failure. Evaluated before Quarkus starts, so a skipped class starts nothing.
 */
public class PostgresAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection ignored = connect()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresProfile.url());
        } catch (SQLException e) {
            String why = "PostgreSQL does not answer at " + PostgresProfile.url() + " as " + PostgresProfile.user() + ": " + e.getMessage();
            if (Boolean.getBoolean("observatoire.pg.required")) {
                throw new IllegalStateException(why + " (and observatoire.pg.required=true)", e);
            }
            return ConditionEvaluationResult.disabled(why);
        }
    }

    /** A direct connection (no DriverManager: the test class loader may not be the driver's). */
    static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", PostgresProfile.user());
        properties.setProperty("password", PostgresProfile.password());
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "3");
        Connection connection = new org.postgresql.Driver().connect(PostgresProfile.url(), properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL");
        }
        return connection;
    }
}
