package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Issues enrolment codes: a new one invalidates the collectivité's unused older ones. */
@ApplicationScoped
public class EnrolmentCodeService {
    private final EnrolmentCodeRepository codes;
    private final Duration validity;

    @Inject
    EnrolmentCodeService(EnrolmentCodeRepository codes, EnrolmentConfig config) {
        this.codes = codes;
        this.validity = config.codeValidity();
    }

    /** Issues a code within the caller's transaction (the collectivité's row must exist in it). */
    public IssuedCode issue(Connection connection, String siren) throws SQLException {
        String code = EnrolmentCodes.generate();
        Instant now = Sql.now();
        Instant expiresAt = now.plus(validity);
        codes.replacePending(connection, siren, EnrolmentCodes.hash(code), now, expiresAt);
        return new IssuedCode(siren, code, expiresAt);
    }
}
