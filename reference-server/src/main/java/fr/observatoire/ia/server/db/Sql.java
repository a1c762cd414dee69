package fr.observatoire.ia.server.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The JDBC conversions both drivers agree on: instants travel as UTC {@link OffsetDateTime} (neither
 * driver takes {@link Instant} portably), at millisecond precision so that what we answer before
 * storing equals what we read back later (a stored receipt must be the same receipt).
 */
public final class Sql {
    private Sql() {
    }

    /** The current time at the precision the database keeps. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    public static Instant getInstant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** {@code ?, ?, ?} for an {@code IN (...)} list of {@code count} values (at least one). */
    public static String placeholders(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        return "?" + ", ?".repeat(count - 1);
    }

    /** Binds {@code values} as strings from parameter {@code first} on; returns the next parameter's index. */
    public static int bindStrings(PreparedStatement statement, int first, Collection<String> values) throws SQLException {
        int next = first;
        for (String value : values) {
            statement.setString(next++, value);
        }
        return next;
    }

    public static Long getLongOrNull(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
