package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.sdk.EnrolmentException;
import fr.observatoire.ia.sdk.SdkConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** The calls of the protocol the SDK makes with a JWS, with the observatory's answers mapped to outcomes. */
public final class ObservatoryClient {
    static final String DECLARATIONS = "/api/v1/declarations";
    static final String ENROLMENTS = "/api/v1/enrolments";
    static final String KEY_ROTATIONS = "/api/v1/keys/rotations";
    static final String KEY_REVOCATIONS = "/api/v1/keys/revocations";

    private final HttpTransport http;
    private final URI endpoint;
    private final Clock clock;

    public ObservatoryClient(HttpTransport http, URI endpoint, Clock clock) {
        this.http = http;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    public SubmissionOutcome submitDeclaration(String jws) {
        HttpReply reply;
        try {
            reply = http.post(URI.create(endpoint + DECLARATIONS), Jws.MEDIA_TYPE, jws.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return new SubmissionOutcome.Transient("the observatory at " + endpoint + " cannot be reached: " + describe(e), null);
        }
        int status = reply.status();
        if (status == 200 || status == 201) {
            try {
                return new SubmissionOutcome.Accepted(ProtocolJson.read(reply.body(), Receipt.class), status == 200);
            } catch (InvalidJsonException e) {
                // Accepted but unreadable: sending again is harmless (a duplicate gets the same receipt) and may read better.
                return new SubmissionOutcome.Transient("HTTP " + status + " with an unreadable receipt: " + e.getMessage(), null);
            }
        }
        if (reply.isTransient()) {
            Duration retryAfter = RetryAfter.parse(reply.retryAfter(), clock.instant()).orElse(null);
            return new SubmissionOutcome.Transient("HTTP " + status + reply.problemSuffix(), retryAfter);
        }
        return new SubmissionOutcome.Rejected(status, reply.problem(), "HTTP " + status + reply.problemSuffix());
    }

    /** Sends a key rollover (outer JWS by the old key, inner by the new one); blocks for at most the timeouts. */
    public KeyCallOutcome<KeyRotation.Response> rotateKey(String jws) {
        return keyCall(KEY_ROTATIONS, jws, KeyRotation.Response.class);
    }

    /** Sends a revocation signed by the key being revoked. The body of the answer is not needed. */
    public KeyCallOutcome<Void> revokeKey(String jws) {
        return keyCall(KEY_REVOCATIONS, jws, Void.class);
    }

    private <T> KeyCallOutcome<T> keyCall(String path, String jws, Class<T> type) {
        HttpReply reply;
        try {
            reply = http.post(URI.create(endpoint + path), Jws.MEDIA_TYPE, jws.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return new KeyCallOutcome.Unknown<>("the observatory at " + endpoint + " cannot be reached: " + describe(e));
        }
        if (reply.isSuccess()) {
            if (type == Void.class) {
                return new KeyCallOutcome.Done<>(null, reply.status());
            }
            try {
                return new KeyCallOutcome.Done<>(ProtocolJson.read(reply.body(), type), reply.status());
            } catch (InvalidJsonException e) {
                return new KeyCallOutcome.Unknown<>("HTTP " + reply.status() + " with an unreadable answer: " + e.getMessage());
            }
        }
        if (reply.isTransient()) {
            return new KeyCallOutcome.Unknown<>("HTTP " + reply.status() + reply.problemSuffix());
        }
        return new KeyCallOutcome.Refused<>(reply.status(), reply.problem(), "HTTP " + reply.status() + reply.problemSuffix());
    }

    /** Sends an enrolment JWS; blocks the calling thread for at most the configured timeouts. */
    public EnrolmentResponse enrol(String jws) throws EnrolmentException {
        HttpReply reply;
        try {
            reply = http.post(URI.create(endpoint + ENROLMENTS), Jws.MEDIA_TYPE, jws.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new EnrolmentException("network-error", 0, "L'observatoire est injoignable / The observatory cannot be reached at "
                    + endpoint + " (" + describe(e) + "). Check " + SdkConfig.Keys.ENDPOINT + " and, behind a proxy, "
                    + SdkConfig.Keys.HTTP_PROXY + ".", null, e);
        }
        if (reply.status() == 200 || reply.status() == 201) {
            try {
                return ProtocolJson.read(reply.body(), EnrolmentResponse.class);
            } catch (InvalidJsonException e) {
                throw new EnrolmentException("unexpected-response", reply.status(), "Réponse illisible de l'observatoire /"
                        + " The observatory's answer to the enrolment is unreadable: " + e.getMessage(), null, e);
            }
        }
        Problem problem = reply.problem();
        String slug = problem != null && problem.slug() != null ? problem.slug() : "http-" + reply.status();
        String detail = problem == null ? null : problem.detail();
        throw new EnrolmentException(slug, reply.status(), ProblemAdvice.enrolment(slug, reply.status(), detail), detail, null);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
