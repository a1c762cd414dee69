package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL of the key_event table (the audit trail of keys). Methods take the caller's connection. */
@ApplicationScoped
public class KeyEventRepository {
    private static final String COLUMNS = "id, siren, kind, kid, new_kid, actor, reason, occurred_at, entry";

    void insert(Connection connection, KeyEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO key_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, event.id());
            insert.setString(2, event.siren());
            insert.setString(3, event.kind().name());
            insert.setString(4, event.kid());
            insert.setString(5, event.newKid());
            insert.setString(6, event.actor().name());
            insert.setString(7, event.reason());
            Sql.setInstant(insert, 8, event.occurredAt());
            insert.setString(9, event.entry());
            insert.executeUpdate();
        }
    }

    /** A collectivité's key events, oldest first. */
    public List<KeyEvent> ofSiren(Connection connection, String siren) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM key_event WHERE siren = ? ORDER BY occurred_at, id")) {
            select.setString(1, siren);
            try (ResultSet rows = select.executeQuery()) {
                List<KeyEvent> events = new ArrayList<>();
                while (rows.next()) {
                    events.add(new KeyEvent(rows.getObject("id", UUID.class), rows.getString("siren"),
                            KeyEventKind.valueOf(rows.getString("kind")), rows.getString("kid"), rows.getString("new_kid"),
                            KeyActor.valueOf(rows.getString("actor")), rows.getString("reason"), Sql.getInstant(rows, "occurred_at"),
                            rows.getString("entry")));
                }
                return events;
            }
        }
    }
}
