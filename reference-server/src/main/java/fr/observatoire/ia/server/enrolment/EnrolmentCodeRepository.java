package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** SQL of the enrolment_code table. Methods take the caller's connection: they run inside its transaction. */
@ApplicationScoped
public class EnrolmentCodeRepository {
    /** Supersedes the collectivité's unused codes and stores the new one: only the latest code works. */
    void replacePending(Connection connection, String siren, String codeHash, Instant createdAt, Instant expiresAt) throws SQLException {
        try (PreparedStatement supersede = connection.prepareStatement(
                "UPDATE enrolment_code SET state = 'SUPERSEDED' WHERE siren = ? AND state = 'PENDING'")) {
            supersede.setString(1, siren);
            supersede.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO enrolment_code (code_hash, siren, state, created_at, expires_at) VALUES (?, ?, 'PENDING', ?, ?)")) {
            insert.setString(1, codeHash);
            insert.setString(2, siren);
            Sql.setInstant(insert, 3, createdAt);
            Sql.setInstant(insert, 4, expiresAt);
            insert.executeUpdate();
        }
    }

    Optional<StoredCode> find(Connection connection, String codeHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT code_hash, siren, state, expires_at, used_by_kid FROM enrolment_code WHERE code_hash = ?")) {
            select.setString(1, codeHash);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredCode(rows.getString("code_hash"), rows.getString("siren"),
                        StoredCode.State.valueOf(rows.getString("state")), Sql.getInstant(rows, "expires_at"),
                        rows.getString("used_by_kid")));
            }
        }
    }

    /** Marks a pending code used; false if it was not pending any more (a concurrent enrolment took it). */
    boolean markUsed(Connection connection, String codeHash, String kid, Instant usedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE enrolment_code SET state = 'USED', used_at = ?, used_by_kid = ? WHERE code_hash = ? AND state = 'PENDING'")) {
            Sql.setInstant(update, 1, usedAt);
            update.setString(2, kid);
            update.setString(3, codeHash);
            return update.executeUpdate() == 1;
        }
    }

    /** When each collectivité's usable code expires, for those that have one (one query, for the admin list). */
    public Map<String, Instant> pendingUntilBySiren(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT siren, MAX(expires_at) AS expires_at FROM enrolment_code WHERE state = 'PENDING' GROUP BY siren");
             ResultSet rows = select.executeQuery()) {
            Map<String, Instant> pending = new HashMap<>();
            while (rows.next()) {
                pending.put(rows.getString("siren"), Sql.getInstant(rows, "expires_at"));
            }
            return pending;
        }
    }
}
