package fr.observatoire.ia.server.web;

import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.Problems;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Last safety net for failures raised below JAX-RS (in Vert.x handlers), which our exception mappers
 * never see: they get a problem+json too, instead of the framework's HTML or text page.
 */
@ApplicationScoped
public class UnhandledFailureHandler {
    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode();
        Problem problem;
        if (status == 413) {
            problem = Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "the request body is too large");
        } else if (status >= 400 && status < 500) {
            ProblemType type = ProblemType.INVALID_REQUEST;
            problem = new Problem(Problem.TYPE_PREFIX + type.slug(), type.title(), status,
                    "the request could not be handled (HTTP " + status + ")", null);
        } else {
            problem = Problems.internalError(context.failure());
        }
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Buffer.buffer(Problems.json(problem)));
    }
}
