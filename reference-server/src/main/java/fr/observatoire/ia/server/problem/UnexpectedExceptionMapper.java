package fr.observatoire.ia.server.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** Any exception nobody planned for (a bug, the database down): 500 internal-error, nothing internal leaked. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
        return Problems.response(Problems.internalError(exception), Map.of());
    }
}
