package fr.observatoire.ia.testkit;

import fr.observatoire.ia.model.Identifiers;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.protocol.messages.EnrolmentRequest;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.ProblemType;

import java.time.Instant;

/**
 * {@code POST /api/v1/enrolments}: the JWS proves possession of the key it carries in its {@code jwk} header, and
 * its payload carries the one-time code the observatory issued. Checked in the protocol's order.
 */
final class EnrolmentEndpoint {
    private final Registry registry;
    private final TransparencyLog log;

    EnrolmentEndpoint(Registry registry, TransparencyLog log) {
        this.registry = registry;
        this.log = log;
    }

    HttpAnswer handle(byte[] body, String contentType, Instant now, String declarationsUrl) {
        ParsedJws jws = SignedBodies.parse(body, contentType, Jws.TYP_ENROLMENT).jws();
        PublicJwk key;
        try {
            // Low-order and mixed-order keys are refused (weak-key): Ed25519 verifiers disagree on them.
            key = jws.requireStrongEmbeddedJwk();
            jws.verify(key);
        } catch (JwsException e) {
            throw Refusal.of(e);
        }
        EnrolmentRequest request = SignedBodies.read(jws.payload(), EnrolmentRequest.class, ProblemType.INVALID_ENROLMENT_REQUEST);
        if (!Identifiers.isValidSiren(request.siren())) {
            throw new Refusal(ProblemType.INVALID_ENROLMENT_REQUEST, "'siren' must be 9 digits with a valid Luhn key, was '" + request.siren() + "'");
        }
        if (request.enrolmentCode() == null || request.enrolmentCode().isBlank()) {
            throw new Refusal(ProblemType.INVALID_ENROLMENT_REQUEST, "'enrolmentCode' is required");
        }
        Registry.Enrolment enrolment = registry.enrol(request.siren(), request.enrolmentCode(), key, now);
        Registry.Key enrolled = enrolment.key();
        EnrolmentResponse response = new EnrolmentResponse(enrolled.siren(), enrolled.kid(), enrolled.enrolledAt(),
                declarationsUrl, log.verifier().vkey());
        return HttpAnswer.json(enrolment.created() ? 201 : 200, response);
    }
}
