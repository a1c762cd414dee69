package fr.observatoire.ia.sdk.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** The single row of {@code chain_state}. */
public final class ChainTables {
    private ChainTables() {
    }

    public static ChainState read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT last_sequence, last_hash, declared_through, tracking_since FROM chain_state WHERE id = 1");
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("chain_state has no row: the store is damaged");
            }
            return new ChainState(row.getLong(1), row.getString(2), date(row.getString(3)), date(row.getString(4)));
        }
    }

    /** Records a declaration just built: called in the same transaction that puts it in the outbox. */
    public static void advance(Connection connection, long sequence, String hash, LocalDate declaredThrough) throws SQLException {
        Rows.update(connection, "UPDATE chain_state SET last_sequence = ?, last_hash = ?, declared_through = ? WHERE id = 1",
                sequence, hash, declaredThrough.toString());
    }

    /** Sets where tracking started, the first time something is recorded. */
    public static void startTracking(Connection connection, LocalDate periodStart) throws SQLException {
        Rows.update(connection, "UPDATE chain_state SET tracking_since = ? WHERE id = 1 AND tracking_since IS NULL",
                periodStart.toString());
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
