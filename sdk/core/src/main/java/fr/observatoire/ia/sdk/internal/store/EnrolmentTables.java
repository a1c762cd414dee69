package fr.observatoire.ia.sdk.internal.store;

import fr.observatoire.ia.protocol.messages.EnrolmentResponse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The observatory's acceptance of our keys: without it nothing is signed. A key stays listed after it was
 * retired by a rotation or revoked, with when, so that the SDK knows not to sign with it again.
 */
public final class EnrolmentTables {
    private EnrolmentTables() {
    }

    /** An enrolled key as the store knows it. */
    public record EnrolledKey(String kid, String siren, Instant enrolledAt, String declarationsUrl, Instant retiredAt,
                              Instant revokedAt, String revocationReason) {
        public boolean active() {
            return retiredAt == null && revokedAt == null;
        }

        public EnrolmentResponse response() {
            return new EnrolmentResponse(siren, kid, enrolledAt, declarationsUrl);
        }
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
        return key(connection, kid).map(EnrolledKey::response);
    }

    public static Optional<EnrolledKey> key(Connection connection, String kid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT siren, enrolled_at, declarations_url, retired_at, revoked_at, revocation_reason FROM enrolment WHERE kid = ?")) {
            Rows.bind(statement, kid);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new EnrolledKey(kid, row.getString(1), Instant.ofEpochMilli(row.getLong(2)), row.getString(3),
                        instant(row, 4), instant(row, 5), row.getString(6)));
            }
        }
    }

    public static void markRetired(Connection connection, String kid, Instant at) throws SQLException {
        Rows.update(connection, "UPDATE enrolment SET retired_at = ? WHERE kid = ? AND retired_at IS NULL", at.toEpochMilli(), kid);
    }

    public static void markRevoked(Connection connection, String kid, String reason, Instant at) throws SQLException {
        Rows.update(connection, "UPDATE enrolment SET revoked_at = ?, revocation_reason = ? WHERE kid = ? AND revoked_at IS NULL",
                at.toEpochMilli(), reason, kid);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
