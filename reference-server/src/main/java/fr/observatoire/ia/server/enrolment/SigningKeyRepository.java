package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the signing_key table. Methods take the caller's connection: they run inside its transaction. */
@ApplicationScoped
public class SigningKeyRepository {
    private static final String COLUMNS = "kid, siren, public_x, state, enrolled_at, retired_at, replaced_by, revoked_at, revoked_by,"
            + " revocation_reason";

    public void insert(Connection connection, EnrolledKey key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO signing_key (kid, siren, public_x, state, enrolled_at, activated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key.kid());
            insert.setString(2, key.siren());
            insert.setString(3, key.publicKey().x());
            insert.setString(4, key.state().name());
            Sql.setInstant(insert, 5, key.enrolledAt());
            Sql.setInstant(insert, 6, key.enrolledAt());
            insert.executeUpdate();
        }
    }

    public Optional<EnrolledKey> find(Connection connection, String kid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM signing_key WHERE kid = ?")) {
            select.setString(1, kid);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** A key's state, without decoding its public key. */
    public Optional<KeyLifecycle> lifecycle(Connection connection, String kid) throws SQLException {
        return Optional.ofNullable(lifecycles(connection, List.of(kid)).get(kid));
    }

    /** The states of the keys among {@code kids} (one query), by kid: what a batch of declarations needs. */
    public Map<String, KeyLifecycle> lifecycles(Connection connection, Collection<String> kids) throws SQLException {
        Map<String, KeyLifecycle> found = new HashMap<>();
        if (kids.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT kid, state, retired_at, replaced_by, revoked_at, revoked_by,"
                + " revocation_reason FROM signing_key WHERE kid IN (" + Sql.placeholders(kids.size()) + ")")) {
            Sql.bindStrings(select, 1, kids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String kid = rows.getString("kid");
                    found.put(kid, new KeyLifecycle(kid, KeyState.valueOf(rows.getString("state")), retirement(rows), revocation(rows)));
                }
            }
        }
        return found;
    }

    /** Active to retired, for {@code replacedBy}; false if the key was not active any more. */
    public boolean retire(Connection connection, String kid, Instant at, String replacedBy) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE signing_key SET state = 'RETIRED', retired_at = ?,"
                + " replaced_by = ? WHERE kid = ? AND state = 'ACTIVE'")) {
            Sql.setInstant(update, 1, at);
            update.setString(2, replacedBy);
            update.setString(3, kid);
            return update.executeUpdate() == 1;
        }
    }

    /** Active or retired to revoked; false if it was revoked already. */
    public boolean revoke(Connection connection, String kid, EnrolledKey.Revocation revocation) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE signing_key SET state = 'REVOKED', revoked_at = ?,"
                + " revoked_by = ?, revocation_reason = ? WHERE kid = ? AND state <> 'REVOKED'")) {
            Sql.setInstant(update, 1, revocation.at());
            update.setString(2, revocation.by().name());
            update.setString(3, revocation.reason());
            update.setString(4, kid);
            return update.executeUpdate() == 1;
        }
    }

    /** Every enrolled key, by SIREN (one query, for the admin list). */
    public Map<String, List<EnrolledKey>> bySiren(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM signing_key ORDER BY siren, enrolled_at, kid");
             ResultSet rows = select.executeQuery()) {
            Map<String, List<EnrolledKey>> keys = new HashMap<>();
            while (rows.next()) {
                EnrolledKey key = read(rows);
                keys.computeIfAbsent(key.siren(), siren -> new ArrayList<>()).add(key);
            }
            return keys;
        }
    }

    private static EnrolledKey read(ResultSet rows) throws SQLException {
        return new EnrolledKey(rows.getString("kid"), rows.getString("siren"), PublicJwk.ofBase64Url(rows.getString("public_x")),
                KeyState.valueOf(rows.getString("state")), Sql.getInstant(rows, "enrolled_at"), retirement(rows), revocation(rows));
    }

    private static EnrolledKey.Retirement retirement(ResultSet rows) throws SQLException {
        Instant retiredAt = Sql.getInstant(rows, "retired_at");
        return retiredAt == null ? null : new EnrolledKey.Retirement(retiredAt, rows.getString("replaced_by"));
    }

    private static EnrolledKey.Revocation revocation(ResultSet rows) throws SQLException {
        Instant revokedAt = Sql.getInstant(rows, "revoked_at");
        String revokedBy = rows.getString("revoked_by");
        return revokedAt == null ? null : new EnrolledKey.Revocation(revokedAt, revokedBy == null ? null : KeyActor.valueOf(revokedBy),
                rows.getString("revocation_reason"));
    }
}
