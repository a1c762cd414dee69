package fr.observatoire.ia.server.problem;

import fr.observatoire.ia.protocol.messages.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * The framework's own refusals (no route, wrong method, unacceptable media type...) as problem+json,
 * so that a client never has to parse two error formats.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.INVALID_REQUEST;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (type == null) {
            // A status we did not plan for: do not guess a type, and do not leak the framework's message.
            return Problems.response(Problems.internalError(exception), Map.of());
        }
        return Problems.response(Problems.of(type, detail(type, exception)), allowHeader(exception));
    }

    private static String detail(ProblemType type, WebApplicationException exception) {
        return switch (type) {
            case NOT_FOUND -> "no resource at this address; the API is under /api/v1 (see /q/openapi)";
            case METHOD_NOT_ALLOWED -> "this resource does not accept this HTTP method";
            case NOT_ACCEPTABLE -> "this resource answers in JSON (application/json) or HTML only";
            case UNSUPPORTED_MEDIA_TYPE -> "this resource does not accept this Content-Type";
            default -> type.title();
        };
    }

    /** Keeps {@code Allow} on a 405, as RFC 9110 requires. */
    private static Map<String, String> allowHeader(WebApplicationException exception) {
        String allow = exception.getResponse().getHeaderString("Allow");
        return allow == null ? Map.of() : Map.of("Allow", allow);
    }
}
