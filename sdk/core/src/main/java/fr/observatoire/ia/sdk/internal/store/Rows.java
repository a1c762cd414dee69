package fr.observatoire.ia.sdk.internal.store;

import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Small JDBC helpers shared by the table classes. */
public final class Rows {
    private Rows() {
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    /**
     * Adds to a counter row, creating it if absent. Update-then-insert rather than an upsert clause because
     * the syntax differs between SQLite, PostgreSQL and H2; safe because {@link Database} serialises writers.
     */
    public static void addCount(Connection connection, String table, String[] keyColumns, Object[] keyValues, long count)
            throws SQLException {
        String where = String.join(" = ? AND ", keyColumns) + " = ?";
        Object[] updateParameters = new Object[keyValues.length + 1];
        updateParameters[0] = count;
        System.arraycopy(keyValues, 0, updateParameters, 1, keyValues.length);
        if (update(connection, "UPDATE " + table + " SET count = count + ? WHERE " + where, updateParameters) == 0) {
            Object[] insertParameters = new Object[keyValues.length + 1];
            System.arraycopy(keyValues, 0, insertParameters, 0, keyValues.length);
            insertParameters[keyValues.length] = count;
            String columns = String.join(", ", keyColumns) + ", count";
            String marks = "?" + ", ?".repeat(keyValues.length);
            update(connection, "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", insertParameters);
        }
    }

    public static String json(Object value) {
        return new String(ProtocolJson.write(value), StandardCharsets.UTF_8);
    }

    public static <T> T fromJson(String json, Class<T> type) throws SQLException {
        try {
            return ProtocolJson.read(json.getBytes(StandardCharsets.UTF_8), type);
        } catch (InvalidJsonException e) {
            throw new SQLException("a stored " + type.getSimpleName() + " is unreadable: " + e.getMessage(), e);
        }
    }
}
