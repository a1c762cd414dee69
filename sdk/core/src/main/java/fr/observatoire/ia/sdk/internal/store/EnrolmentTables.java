package fr.observatoire.ia.sdk.internal.store;

import fr.observatoire.ia.protocol.messages.EnrolmentResponse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The observatory's acceptance of our key: without it nothing is signed. */
public final class EnrolmentTables {
    private EnrolmentTables() {
    }

    public static void save(Connection connection, EnrolmentResponse response, Instant now) throws SQLException {
        Rows.update(connection, "DELETE FROM enrolment WHERE kid = ?", response.kid());
        Rows.update(connection, "INSERT INTO enrolment (kid, siren, enrolled_at, declarations_url) VALUES (?, ?, ?, ?)",
                response.kid(), response.siren(),
                response.enrolledAt() == null ? now.toEpochMilli() : response.enrolledAt().toEpochMilli(),
                response.declarationsUrl());
    }

    /** The enrolment of {@code kid}, if the observatory accepted it. */
    public static Optional<EnrolmentResponse> find(Connection connection, String kid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT siren, enrolled_at, declarations_url FROM enrolment WHERE kid = ?")) {
            Rows.bind(statement, kid);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new EnrolmentResponse(row.getString(1), kid, Instant.ofEpochMilli(row.getLong(2)), row.getString(3)))
                        : Optional.empty();
            }
        }
    }
}
