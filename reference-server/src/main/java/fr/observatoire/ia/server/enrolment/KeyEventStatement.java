package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The log entry of a key event the observatory makes itself (an enrolment, a revocation by the
 * administrator): a JSON object, told apart from a JWS entry by its first character {@code {}.
 * Events the collectivité asks for are logged as its own signed JWS instead.
 *
 * @param type always {@link #TYPE}
 * @param jwk  for an enrolment, the public key enrolled
 */
public record KeyEventStatement(String type, KeyEventKind event, String siren, String kid, Map<String, Object> jwk,
                                KeyActor actor, String reason, Instant at) {
    public static final String TYPE = "observatoire-key-event";

    static KeyEventStatement enrolment(EnrolledKey key) {
        return new KeyEventStatement(TYPE, KeyEventKind.ENROLMENT, key.siren(), key.kid(), key.publicKey().toJwk(),
                KeyActor.COLLECTIVITE, null, key.enrolledAt());
    }

    public static KeyEventStatement revocationByObservatory(EnrolledKey key, String reason, Instant at) {
        return new KeyEventStatement(TYPE, KeyEventKind.REVOCATION, key.siren(), key.kid(), null, KeyActor.OBSERVATORY, reason, at);
    }

    /** The entry text: compact JSON, members in this record's order. */
    public String text() {
        return new String(ProtocolJson.write(this), StandardCharsets.UTF_8);
    }
}
