package fr.observatoire.ia.testkit.conformance;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.Fault;

import java.time.Duration;
import java.util.Set;

/**
 * A {@link SourceFixture} for plugins that read an HTTP API: a WireMock server on a free port where the author
 * stubs the healthy source ({@link #stubHealthySource(boolean)}), and this class simulates every
 * {@link SourceFailure} on any URL, with error pages that quote a person, as real ones do (a plugin that copies an
 * answer into its message is caught by the privacy checks).
 *
 * <pre>{@code
 * class TicketsFixture extends HttpSourceFixture {
 *     protected void stubHealthySource(boolean withMoreRecords) {
 *         server().stubFor(get("/export.csv").willReturn(ok(withMoreRecords ? ALL_ROWS : FIRST_ROWS)));
 *     }
 * }
 * }</pre>
 *
 * Configure the plugin's own request timeout below {@link #timeoutDelay()} (one second is plenty against WireMock).
 */
public abstract class HttpSourceFixture implements SourceFixture {
    /** An error page as a portal or a proxy shows it: with the name, e-mail and address of the person logged in. */
    public static final String ERROR_PAGE = "<!DOCTYPE html><html><head><title>Erreur</title></head><body>"
            + "<h1>Session expirée</h1><p>Bonjour Mme Jeanne Sensible (jeanne.sensible@mairie-exemple.fr), poste 192.168.12.34,"
            + " tél. 04 93 12 34 56 : reconnectez-vous.</p></body></html>";
    /** The personal data of {@link #ERROR_PAGE}. */
    private static final Set<String> ERROR_PAGE_PERSONAL_DATA = Set.of("Jeanne Sensible", "jeanne.sensible");
    /** Above the failure stubs' default priority (5), so that a failure hides every healthy stub until recovery. */
    private static final int FAILURE_PRIORITY = 1;

    private final WireMockServer server;
    private boolean withMoreRecords;

    /** @param extensions WireMock extensions the healthy stubs use (a response transformer serving a fake repository...) */
    protected HttpSourceFixture(Extension... extensions) {
        this(new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(extensions)));
    }

    /**
     * Over a WireMock server the plugin's own tests already have (a fake source with its transformer). Its stubs
     * are reset at each change of state: {@link #stubHealthySource(boolean)} puts them back.
     */
    protected HttpSourceFixture(WireMockServer server) {
        this.server = server;
        if (!server.isRunning()) {
            server.start();
        }
    }

    /** Stubs the source as healthy: its first records, or those and the records added after the first pull. */
    protected abstract void stubHealthySource(boolean withMoreRecords);

    /** The WireMock server, for stubbing and for inspecting requests. */
    public final WireMockServer server() {
        return server;
    }

    /** {@code http://localhost:<port>}. */
    public final String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** How long the {@link SourceFailure#TIMEOUT} answers take. */
    protected Duration timeoutDelay() {
        return Duration.ofSeconds(5);
    }

    /** What the source answers in {@code failure}; override to imitate your source's own error answers. */
    protected ResponseDefinitionBuilder failureResponse(SourceFailure failure) {
        return switch (failure) {
            case DOWN -> WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case UNAUTHORIZED -> htmlPage(401).withHeader("WWW-Authenticate", "Basic realm=\"source\"");
            case SERVER_ERROR -> htmlPage(500);
            case GARBAGE -> htmlPage(200);
            case TIMEOUT -> htmlPage(200).withFixedDelay((int) timeoutDelay().toMillis());
        };
    }

    @Override
    public final void serveHealthyData() {
        withMoreRecords = false;
        restub();
    }

    @Override
    public final void addMoreRecords() {
        withMoreRecords = true;
        restub();
    }

    @Override
    public final void fail(SourceFailure failure) {
        server.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(FAILURE_PRIORITY).willReturn(failureResponse(failure)));
    }

    @Override
    public final void recover() {
        restub();
    }

    @Override
    public Set<String> personalData() {
        return ERROR_PAGE_PERSONAL_DATA;
    }

    @Override
    public void close() {
        server.stop();
    }

    private void restub() {
        server.resetAll();
        stubHealthySource(withMoreRecords);
    }

    private static ResponseDefinitionBuilder htmlPage(int status) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "text/html; charset=UTF-8").withBody(ERROR_PAGE);
    }
}
