package fr.observatoire.ia.sdk.internal.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A transaction is all or nothing, whatever its work throws. */
class DatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void work_that_throws_an_error_midway_commits_nothing() {
        try (Database database = Database.keepingOneConnection(SqliteDataSources.forFile(dataDir.resolve(SqliteDataSources.FILE_NAME)))) {
            database.inTransaction(connection -> Rows.update(connection, "CREATE TABLE t (n INTEGER NOT NULL)"));

            // A dependency conflict of the host (NoSuchMethodError in a JSON or crypto library) between two statements:
            // the first statement must not be committed on the way out, as switching back to auto-commit would do.
            assertThatThrownBy(() -> database.inTransaction(connection -> {
                Rows.update(connection, "INSERT INTO t (n) VALUES (1)");
                throw new NoSuchMethodError("a host's older library");
            })).isInstanceOf(NoSuchMethodError.class);

            assertThat(count(database)).as("seen by the SDK's connection").isZero();
            assertThat(count(Database.borrowingConnections(SqliteDataSources.forFile(dataDir.resolve(SqliteDataSources.FILE_NAME)))))
                    .as("seen by another connection").isZero();
            // And the connection is usable afterwards, in a transaction that does commit.
            database.inTransaction(connection -> Rows.update(connection, "INSERT INTO t (n) VALUES (2)"));
            assertThat(count(database)).isEqualTo(1);
        }
    }

    @Test
    void work_that_throws_an_sql_exception_midway_commits_nothing() {
        try (Database database = Database.keepingOneConnection(SqliteDataSources.forFile(dataDir.resolve(SqliteDataSources.FILE_NAME)))) {
            database.inTransaction(connection -> Rows.update(connection, "CREATE TABLE t (n INTEGER NOT NULL)"));

            assertThatThrownBy(() -> database.inTransaction(connection -> {
                Rows.update(connection, "INSERT INTO t (n) VALUES (1)");
                throw new SQLException("refused");
            })).isInstanceOf(StoreException.class);

            assertThat(count(database)).isZero();
        }
    }

    private static long count(Database database) {
        return database.inTransaction(connection -> {
            try (ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
