package fr.observatoire.ia.server.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders the refusals the server decided on. */
@Provider
public class ApiProblemMapper implements ExceptionMapper<ApiProblem> {
    @Override
    public Response toResponse(ApiProblem problem) {
        return Problems.response(problem);
    }
}
