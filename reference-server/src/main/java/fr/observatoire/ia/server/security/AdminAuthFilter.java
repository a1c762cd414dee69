package fr.observatoire.ia.server.security;

import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** Requires {@code Authorization: Bearer <admin token>} on {@link AdminOnly} resources (RFC 6750). */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";
    private static final Map<String, String> CHALLENGE = Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"observatoire-admin\"");

    @Inject
    AdminToken token;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiProblem(ProblemType.UNAUTHORIZED,
                    "the admin API needs the header 'Authorization: Bearer <admin token>'", CHALLENGE);
        }
        if (!token.matches(authorization.substring(BEARER.length()).strip())) {
            throw new ApiProblem(ProblemType.UNAUTHORIZED, "the admin token is wrong",
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"observatoire-admin\", error=\"invalid_token\""));
        }
    }
}
