package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the signing_key table. Methods take the caller's connection: they run inside its transaction. */
@ApplicationScoped
public class SigningKeyRepository {
    private static final String COLUMNS = "kid, siren, public_x, state, enrolled_at";

    void insert(Connection connection, EnrolledKey key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO signing_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, key.kid());
            insert.setString(2, key.siren());
            insert.setString(3, key.publicKey().x());
            insert.setString(4, key.state().name());
            Sql.setInstant(insert, 5, key.enrolledAt());
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
                KeyState.valueOf(rows.getString("state")), Sql.getInstant(rows, "enrolled_at"));
    }
}
