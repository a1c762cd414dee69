package fr.observatoire.ia.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fr.observatoire.ia.protocol.messages.ProblemType;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fake observatory's request handling, as a WireMock extension: every request reaches real verification code
 * (one catch-all stub, no canned answers), after the failures a test asked for. Faults come first because they
 * stand for the network or an overloaded server in front of the observatory: a refused request is not processed.
 */
final class ProtocolTransformer implements ResponseDefinitionTransformerV2 {
    static final String NAME = "observatoire-fake-observatory";

    private final EnrolmentEndpoint enrolments;
    private final DeclarationEndpoint declarations;
    private final KeyEndpoints keys;
    private final ReadEndpoints reads;
    private final Ledger ledger;
    private final FaultPlan faults;
    private final Clock clock;
    /**
     * Serialises the requests that change state, as the reference server's transactions do. The registry is the
     * lock, shared with {@link FakeObservatory}'s registration methods.
     */
    private final Registry lock;

    ProtocolTransformer(Registry registry, Ledger ledger, TransparencyLog log, FaultPlan faults, Clock clock) {
        this.enrolments = new EnrolmentEndpoint(registry, log);
        this.declarations = new DeclarationEndpoint(registry, ledger);
        this.keys = new KeyEndpoints(registry, log);
        this.reads = new ReadEndpoints(registry, ledger, log);
        this.ledger = ledger;
        this.faults = faults;
        this.clock = clock;
        this.lock = registry;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (faults.isDown()) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        boolean write = "POST".equals(request.getMethod().getName());
        Optional<FaultPlan.Failure> failure = write ? faults.takeFailure() : Optional.empty();
        if (failure.isPresent()) {
            return render(injected(failure.get()));
        }
        HttpAnswer answer = answer(request);
        if (write && answer.status() < 300 && faults.takeLostAnswer()) {
            // Processed and stored, but the client never hears it: its retry must get the same receipt.
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return render(answer);
    }

    private HttpAnswer answer(Request request) {
        String path = path(request.getUrl());
        String method = request.getMethod().getName();
        try {
            return switch (path) {
                case FakeObservatory.ENROLMENTS_PATH -> post(method, () -> enrolments.handle(request.getBody(),
                        request.getHeader("Content-Type"), clock.instant(), base(request) + FakeObservatory.DECLARATIONS_PATH));
                case FakeObservatory.DECLARATIONS_PATH -> post(method, () -> declarations.handle(request.getBody(),
                        request.getHeader("Content-Type"), clock.instant()));
                case FakeObservatory.KEY_ROTATIONS_PATH -> post(method, () -> keys.rotate(request.getBody(),
                        request.getHeader("Content-Type"), clock.instant()));
                case FakeObservatory.KEY_REVOCATIONS_PATH -> post(method, () -> keys.revoke(request.getBody(),
                        request.getHeader("Content-Type"), clock.instant()));
                default -> {
                    if (!"GET".equals(method)) {
                        throw new Refusal(ProblemType.METHOD_NOT_ALLOWED, "this observatory answers GET only at " + path + ", not " + method);
                    }
                    yield reads.get(path, name -> request.queryParameter(name).isPresent() ? request.queryParameter(name).firstValue() : null);
                }
            };
        } catch (Refusal refusal) {
            ledger.refused(refusal.problem());
            return HttpAnswer.problem(refusal.problem());
        } catch (RuntimeException e) {
            // A defect of the kit: answered as the real server would (500, retried by clients), and kept for the test.
            Refusal internal = new Refusal(ProblemType.INTERNAL_ERROR, "the fake observatory failed: " + e);
            ledger.refused(internal.problem());
            return HttpAnswer.problem(internal.problem());
        }
    }

    private HttpAnswer post(String method, Supplier<HttpAnswer> handler) {
        if (!"POST".equals(method)) {
            throw new Refusal(ProblemType.METHOD_NOT_ALLOWED, "this resource accepts POST only, not " + method);
        }
        synchronized (lock) {
            return handler.get();
        }
    }

    /** An answer from "in front of" the observatory: 500 as the server's own problem, other statuses as a proxy's text. */
    private static HttpAnswer injected(FaultPlan.Failure failure) {
        HttpAnswer answer = failure.status() == 500
                ? HttpAnswer.problem(ProblemType.INTERNAL_ERROR.problem("failure injected by the fake observatory"))
                : HttpAnswer.text(failure.status(), "HTTP " + failure.status() + " injected by the fake observatory\n");
        return failure.retryAfter()
                .map(after -> answer.withHeader("Retry-After", Long.toString(seconds(after))))
                .orElse(answer);
    }

    /** Retry-After is in whole seconds; a fraction is rounded up so that a client never comes back early. */
    private static long seconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    private ResponseDefinition render(HttpAnswer answer) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(answer.status())
                .withHeader("Content-Type", answer.contentType())
                .withBody(answer.body());
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        long delay = faults.delay().toMillis();
        if (delay > 0) {
            builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, delay));
        }
        return builder.build();
    }

    private static String path(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String base(Request request) {
        String absolute = request.getAbsoluteUrl();
        return absolute.substring(0, absolute.length() - request.getUrl().length());
    }
}
