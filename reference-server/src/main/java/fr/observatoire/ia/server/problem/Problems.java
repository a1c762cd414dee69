package fr.observatoire.ia.server.problem;

import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.ProblemType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;

/** Renders problems: one place, so that JAX-RS mappers and the Vert.x-level handlers answer alike. */
public final class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class);

    private Problems() {
    }

    public static Problem of(ProblemType type, String detail) {
        return type.problem(detail);
    }

    /**
     * A 500 without any internal detail for the client, and an {@code instance} id that is also logged with
     * the failure, so that an operator can find the stack trace from a DSI's report.
     */
    public static Problem internalError(Throwable failure) {
        String instance = "urn:uuid:" + UUID.randomUUID();
        LOG.errorf(failure, "internal error %s", instance);
        return ProblemType.INTERNAL_ERROR.problem(
                "the server failed to handle this request; quote " + instance + " to the observatory", instance);
    }

    /** The problem as bytes, written with the protocol's JSON encoding (not whatever writer JAX-RS would pick). */
    public static byte[] json(Problem problem) {
        return ProtocolJson.write(problem);
    }

    public static Response response(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(json(problem));
        headers.forEach(builder::header);
        return builder.build();
    }

    public static Response response(ApiProblem problem) {
        return response(problem.toProblem(), problem.headers());
    }
}
