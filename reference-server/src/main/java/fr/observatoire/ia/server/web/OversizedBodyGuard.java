package fr.observatoire.ia.server.web;

import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.server.problem.Problems;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses a body whose Content-Length is over the limit before anything reads it, with our problem+json
 * (Quarkus' own limit, which runs right after this, would answer a bare 413).
 *
 * <p>The body is read and discarded up to {@link RequestBodies#DRAIN_LIMIT} before answering, because
 * a client that writes its whole body before reading would see a reset connection instead of the 413.
 * A client that asked {@code Expect: 100-continue} has sent nothing yet and is answered at once; so is
 * an HTTP/2 stream.
 */
@ApplicationScoped
public class OversizedBodyGuard {
    private final RequestBodies bodies;

    @Inject
    OversizedBodyGuard(RequestBodies bodies) {
        this.bodies = bodies;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        long declared = declaredLength(request.getHeader(HttpHeaderNames.CONTENT_LENGTH));
        if (declared <= bodies.maxBytes()) {
            context.next();
            return;
        }
        byte[] problem = Problems.json(RequestBodies.tooLarge(bodies.maxBytes()).toProblem());
        if (request.version() == HttpVersion.HTTP_2) {
            // One stream among others: answer it, the connection stays (HTTP/2 lets the server answer early).
            request.response().setStatusCode(413).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE).end(Buffer.buffer(problem));
            return;
        }
        if (declared > RequestBodies.DRAIN_LIMIT || "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaderNames.EXPECT))) {
            answer(request, problem);
            return;
        }
        request.handler(ignored -> {
        });
        request.exceptionHandler(ignored -> request.connection().close());
        request.endHandler(ignored -> answer(request, problem));
        request.resume();
    }

    /** Answers and closes the HTTP/1.1 connection: the rest of the body, if any, is not ours to read. */
    private static void answer(HttpServerRequest request, byte[] problem) {
        HttpServerResponse response = request.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .end(Buffer.buffer(problem))
                .onComplete(done -> request.connection().close());
    }

    /** The announced length, or -1 when absent or not a number (Vert.x refuses the latter itself). */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
