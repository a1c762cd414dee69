package fr.observatoire.ia.server.problem;

import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.ProblemType;

import java.util.Map;

/**
 * A refusal the client can act on: thrown anywhere below a resource, rendered by {@link ApiProblemMapper}
 * as {@code application/problem+json}. No stack trace is captured: this is control flow, not a bug.
 */
public final class ApiProblem extends RuntimeException {
    private final ProblemType type;
    private final Map<String, String> headers;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ApiProblem(ProblemType type, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.headers = Map.copyOf(headers);
    }

    /** The problem for a refused JWS: each {@link JwsException.Reason} has a problem type of the same slug. */
    public static ApiProblem of(JwsException e) {
        return new ApiProblem(ProblemType.of(e.reason()), e.getMessage());
    }

    /** The same, for a JWS nested in another message: {@code context} says which (e.g. "the inner JWS"). */
    public static ApiProblem of(JwsException e, String context) {
        ApiProblem problem = of(e);
        return new ApiProblem(problem.type(), context + ": " + e.getMessage());
    }

    public ProblemType type() {
        return type;
    }

    /** Extra response headers, e.g. {@code WWW-Authenticate} with a 401. */
    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem() {
        return type.problem(getMessage());
    }
}
