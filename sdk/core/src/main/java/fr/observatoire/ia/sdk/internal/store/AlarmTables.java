package fr.observatoire.ia.sdk.internal.store;

import fr.observatoire.ia.sdk.Alarm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alarms in the store, one per kind, so that a restart does not hide a condition a person must see. A repeat
 * updates the message and keeps when it was first raised.
 */
public final class AlarmTables {
    private AlarmTables() {
    }

    /** @return the alarm of this kind as it was before, so the caller logs only what is new */
    public static Optional<Alarm> raise(Connection connection, Alarm.Kind kind, String message, UUID declarationId, Instant now)
            throws SQLException {
        Optional<Alarm> before = all(connection).stream().filter(alarm -> alarm.kind() == kind).findFirst();
        String id = declarationId == null ? null : declarationId.toString();
        if (before.isPresent()) {
            Rows.update(connection, "UPDATE alarm SET message = ?, declaration_id = ? WHERE kind = ?", truncate(message), id, kind.name());
        } else {
            Rows.update(connection, "INSERT INTO alarm (kind, message, declaration_id, raised_at) VALUES (?, ?, ?, ?)",
                    kind.name(), truncate(message), id, now.toEpochMilli());
        }
        return before;
    }

    /** @return true if there was such an alarm */
    public static boolean clear(Connection connection, Alarm.Kind kind) throws SQLException {
        return Rows.update(connection, "DELETE FROM alarm WHERE kind = ?", kind.name()) > 0;
    }

    public static List<Alarm> all(Connection connection) throws SQLException {
        List<Alarm> alarms = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT kind, message, declaration_id, raised_at FROM alarm ORDER BY raised_at, kind");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(3);
                alarms.add(new Alarm(Alarm.Kind.valueOf(rows.getString(1)), rows.getString(2),
                        id == null ? null : UUID.fromString(id), Instant.ofEpochMilli(rows.getLong(4))));
            }
        }
        return alarms;
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
