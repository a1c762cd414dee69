package fr.observatoire.ia.sdk.internal.transport;

import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.sdk.EnrolmentException;
import fr.observatoire.ia.sdk.SdkConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** The two calls of the protocol the SDK makes, with the observatory's answers mapped to outcomes. */
public final class ObservatoryClient {
    static final String DECLARATIONS = "/api/v1/declarations";
    static final String ENROLMENTS = "/api/v1/enrolments";

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
        if (status == 408 || status == 429 || status >= 500 || status < 400) {
            Duration retryAfter = RetryAfter.parse(reply.retryAfter(), clock.instant()).orElse(null);
            return new SubmissionOutcome.Transient("HTTP " + status + problemSuffix(problem(reply)), retryAfter);
        }
        Problem problem = problem(reply);
        return new SubmissionOutcome.Rejected(status, problem, "HTTP " + status + problemSuffix(problem));
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
        Problem problem = problem(reply);
        String slug = problem != null && problem.slug() != null ? problem.slug() : "http-" + reply.status();
        String detail = problem == null ? null : problem.detail();
        throw new EnrolmentException(slug, reply.status(), ProblemAdvice.enrolment(slug, reply.status(), detail), detail, null);
    }

    private static Problem problem(HttpReply reply) {
        if (!reply.isProblem() && (reply.contentType() == null || !reply.contentType().contains("json"))) {
            return null;
        }
        try {
            return ProtocolJson.mapper().readerFor(Problem.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(reply.body());
        } catch (IOException e) {
            return null;
        }
    }

    private static String problemSuffix(Problem problem) {
        if (problem == null) {
            return "";
        }
        return " " + problem.slug() + (problem.detail() == null ? "" : ": " + problem.detail());
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
