package fr.observatoire.ia.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import wiremock.org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The GLPI helpdesk and the Alfresco GED of the agglomeration, served by WireMock on the loopback interface, for the
 * standalone agent to read as it would read the real ones. They stay up while the demo waits, so that the agent can
 * be run again by hand, and stop with it.
 */
final class DemoSources implements AutoCloseable {
    static final ZoneId GLPI_ZONE = ZoneId.of("Europe/Paris");

    private final WireMockServer server;
    private final DemoGlpi glpi;
    private final DemoGed ged;

    private DemoSources(WireMockServer server, DemoGlpi glpi, DemoGed ged) {
        this.server = server;
        this.glpi = glpi;
        this.ged = ged;
    }

    static DemoSources start(Instant now) {
        DemoGlpi glpi = new DemoGlpi(LocalDateTime.ofInstant(now, GLPI_ZONE));
        DemoGed ged = new DemoGed(now);
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(12)
                .threadPoolFactory(o -> {
                    QueuedThreadPool pool = new QueuedThreadPool(o.containerThreads());
                    pool.setName("demo-glpi-ged-http");
                    pool.setDaemon(true);
                    return pool;
                })
                .maxRequestJournalEntries(2_000)
                .stubRequestLoggingDisabled(true)
                .extensions(glpi.simulation(), ged);
        WireMockServer server = new WireMockServer(options);
        server.start();
        server.stubFor(glpi.simulation().stub());
        server.stubFor(any(urlPathMatching(DemoGed.REPOSITORY + "(/.*)?")).willReturn(aResponse().withTransformers(DemoGed.NAME)));
        return new DemoSources(server, glpi, ged);
    }

    /** Where both answer: the loopback address WireMock is bound to (its baseUrl() says "localhost", maybe ::1). */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    /** GLPI's root URL, the folder holding {@code apirest.php}. */
    URI glpiUrl() {
        return baseUrl().resolve(DemoGlpi.PREFIX);
    }

    /** The repository URL of the CMIS browser binding, in Alfresco's form. */
    URI cmisUrl() {
        return baseUrl().resolve(DemoGed.REPOSITORY);
    }

    DemoGlpi glpi() {
        return glpi;
    }

    DemoGed ged() {
        return ged;
    }

    /** Requests served so far, for the console. */
    int requestsServed() {
        return server.getAllServeEvents().size();
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
    }
}
