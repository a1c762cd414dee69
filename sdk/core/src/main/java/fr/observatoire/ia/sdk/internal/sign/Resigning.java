package fr.observatoire.ia.sdk.internal.sign;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.store.OutboxTables;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Re-signs pending declarations with the current key after a key change (rotation, new enrolment). The payload
 * bytes are kept exactly, so the declaration hash, the sequence and the chain of previous hashes do not change:
 * only the signature does. The observatory refuses new submissions under a retired or revoked key, and a
 * declaration not yet acknowledged is, for it, a new submission.
 */
public final class Resigning {
    private Resigning() {
    }

    /** Re-signs every pending declaration not signed by {@code key}; call inside the transaction of the key change. */
    public static int resignPending(Connection connection, SigningKey key) throws SQLException {
        int count = 0;
        for (OutboxEntry entry : OutboxTables.pending(connection)) {
            if (resign(connection, entry, key)) {
                count++;
            }
        }
        return count;
    }

    /** @return false when the entry is already signed by {@code key} */
    public static boolean resign(Connection connection, OutboxEntry entry, SigningKey key) throws SQLException {
        if (key.kid().equals(kid(entry.jws()))) {
            return false;
        }
        OutboxTables.resign(connection, entry, Jws.sign(key, Jws.TYP_DECLARATION, payload(entry.jws())));
        return true;
    }

    /** The {@code kid} of a JWS the SDK signed. */
    public static String kid(String jws) {
        try {
            return Jws.parse(jws).kid().orElse(null);
        } catch (JwsException e) {
            throw new IllegalStateException("a JWS of the outbox is damaged: " + e.getMessage(), e);
        }
    }

    private static byte[] payload(String jws) throws SQLException {
        try {
            return Jws.parse(jws).payload();
        } catch (JwsException e) {
            throw new SQLException("a JWS of the outbox is damaged: " + e.getMessage(), e);
        }
    }
}
