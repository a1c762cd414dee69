package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.GlobalObservatory;
import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.testkit.conformance.ThrowingObservatory;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter in a real servlet container, driven by real HTTP requests. */
class ObservatoireFilterTest {
    private static final String MAPPINGS = """
            # the host's AI features
            /assistant/redaction/*      -> redaction-courriers CIVIL_REGISTRY   DOCUMENT_DRAFTED
            POST /api/chatbot/messages  -> chatbot-accueil     PUBLIC_RECEPTION CHATBOT_CONVERSATION
            *.transcrire                -> transcription-cm    COUNCIL_AFFAIRS  TRANSCRIPTION
            """;

    private final RecordingObservatory recording = new RecordingObservatory();

    @AfterEach
    void resetStatics() {
        GlobalObservatory.set(null);
        IntranetRuntime.install(null, null);
    }

    /** The host: its servlet under /assistant/* (servlet path + path info) and /* (path info only), the filter on /*. */
    private static JettyServer host(Map<String, String> filterParams, Observatory contextObservatory) throws Exception {
        return JettyServer.start(context -> {
            if (contextObservatory != null) {
                context.setAttribute(ObservatoireFilter.OBSERVATORY_ATTRIBUTE, contextObservatory);
            }
            addFilter(context, new FilterHolder(ObservatoireFilter.class), filterParams);
            addHostServlet(context);
        });
    }

    private static void addFilter(ServletContextHandler context, FilterHolder holder, Map<String, String> params) {
        holder.setInitParameters(params);
        holder.setAsyncSupported(true);
        context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    private static void addHostServlet(ServletContextHandler context) {
        ServletHolder servlet = new ServletHolder(new HostServlet());
        servlet.setAsyncSupported(true);
        context.addServlet(servlet, "/assistant/*");
        context.addServlet(new ServletHolder(new HostServlet()), "/*");
    }

    @Test
    void counts_each_successful_request_under_its_mapping_and_no_failed_one() throws Exception {
        try (JettyServer server = host(Map.of(ObservatoireFilter.MAPPINGS_PARAM, MAPPINGS), recording)) {
            assertThat(server.get("/assistant/redaction/lettre").statusCode()).isEqualTo(200);
            assertThat(server.get("/assistant/redaction").statusCode()).isEqualTo(200);
            assertThat(server.get("/assistant/redaction/lettre?status=302").statusCode()).isEqualTo(302);
            assertThat(server.get("/assistant/redaction/lettre?status=404").statusCode()).isEqualTo(404);
            assertThat(server.get("/assistant/redaction/lettre?status=403").statusCode()).isEqualTo(403);
            assertThat(server.get("/assistant/redaction/lettre?status=503").statusCode()).isEqualTo(503);
            assertThat(server.get("/assistant/redaction/lettre?throw").statusCode()).isEqualTo(500);
            assertThat(server.get("/seance-12.transcrire").statusCode()).isEqualTo(200);
            assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/chatbot/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString("bonjour"))).statusCode()).isEqualTo(200);
            // Not AI features: another path, a prefix look-alike, the chatbot read with GET.
            assertThat(server.get("/accueil").statusCode()).isEqualTo(200);
            assertThat(server.get("/assistant/redactionnel").statusCode()).isEqualTo(200);
            assertThat(server.get("/api/chatbot/messages").statusCode()).isEqualTo(200);

            assertThat(recording.count("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED)).isEqualTo(3);
            assertThat(recording.count("transcription-cm", Service.COUNCIL_AFFAIRS, ActionKind.TRANSCRIPTION)).isEqualTo(1);
            assertThat(recording.count("chatbot-accueil", Service.PUBLIC_RECEPTION, ActionKind.CHATBOT_CONVERSATION)).isEqualTo(1);
            assertThat(recording.total()).isEqualTo(5);
        }
    }

    @Test
    void looks_each_counter_up_once_per_mapping_not_per_request() throws Exception {
        try (JettyServer server = host(Map.of(ObservatoireFilter.MAPPINGS_PARAM, MAPPINGS), recording)) {
            for (int i = 0; i < 20; i++) {
                server.get("/assistant/redaction/lettre-" + i);
            }
            assertThat(recording.count("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED)).isEqualTo(20);
            assertThat(recording.calls("activity")).isEqualTo(1);
        }
    }

    @Test
    void passes_the_authenticated_user_only_to_agentActive_and_records_nothing_else() throws Exception {
        try (JettyServer server = host(Map.of(ObservatoireFilter.MAPPINGS_PARAM, MAPPINGS), recording)) {
            server.getAs("jdupont@mairie.example", "/assistant/redaction/lettre?nom=Dupont");
            server.getAs("jdupont@mairie.example", "/assistant/redaction/lettre?status=404");
            server.get("/assistant/redaction/lettre");
            server.getAs("mmartin", "/accueil");

            assertThat(recording.agents).singleElement()
                    .satisfies(pair -> assertThat(pair).containsExactly("redaction-courriers", "jdupont@mairie.example"));
            assertThat(recording.calls).extracting(RecordingObservatory.Call::method)
                    .containsOnly("activity", "add", "agentActive");
            // The user reached the observatory once, through agentActive, and nothing of the request's path or query did.
            String received = recording.everythingReceived();
            assertThat(received.split("jdupont", -1)).hasSize(2);
            assertThat(received).doesNotContain("mmartin", "Dupont", "lettre", "/assistant");
        }
    }

    @Test
    void a_throwing_observatory_never_breaks_a_request() throws Exception {
        for (boolean failOnLookup : List.of(true, false)) {
            ThrowingObservatory broken = new ThrowingObservatory(failOnLookup);
            try (JettyServer server = host(Map.of(ObservatoireFilter.MAPPINGS_PARAM, MAPPINGS), broken)) {
                HttpResponse<String> counted = server.getAs("jdupont", "/assistant/redaction/lettre");
                assertThat(counted.statusCode()).isEqualTo(200);
                assertThat(counted.body()).isEqualTo("ok");
                assertThat(server.getAs("jdupont", "/assistant/redaction/lettre?async").body()).isEqualTo("ok");
                assertThat(server.get("/assistant/redaction/lettre?status=302").statusCode()).isEqualTo(302);
                assertThat(broken.calls()).as("the observatory was called, and failed").isPositive();
            }
        }
        assertThat(ObservatoryFailures.count()).isPositive();
    }

    @Test
    void the_host_application_own_exceptions_pass_through_uncounted() throws Exception {
        try (JettyServer server = host(Map.of(ObservatoireFilter.MAPPINGS_PARAM, MAPPINGS), recording)) {
            assertThat(server.get("/assistant/redaction/lettre?throw").statusCode()).isEqualTo(500);
            assertThat(recording.total()).isZero();
        }
    }

    @Test
    void counts_an_asynchronous_request_when_it_completes_with_its_final_status() throws Exception {
        try (JettyServer server = host(Map.of(ObservatoireFilter.MAPPINGS_PARAM, MAPPINGS), recording)) {
            assertThat(server.get("/assistant/redaction/lettre?async&status=500").statusCode()).isEqualTo(500);
            assertThat(server.getAs("jdupont", "/assistant/redaction/lettre?async").statusCode()).isEqualTo(200);
            // The container calls the completion listeners once the response is sent: the client may be faster.
            Eventually.holds(() -> recording.agents.size() == 1);
            assertThat(recording.count("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED)).isEqualTo(1);
            assertThat(recording.agents.get(0)).containsExactly("redaction-courriers", "jdupont");
        }
    }

    @Test
    void takes_the_global_observatory_by_default_even_when_it_is_installed_after_deployment() throws Exception {
        try (JettyServer server = host(Map.of(ObservatoireFilter.MAPPINGS_PARAM, MAPPINGS), null)) {
            server.get("/assistant/redaction/lettre");
            GlobalObservatory.set(recording);
            server.get("/assistant/redaction/lettre");
            server.get("/assistant/redaction/lettre");
            assertThat(recording.count("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED)).isEqualTo(2);
        }
    }

    @Test
    void prefers_the_servlet_context_attribute_then_the_plugin_then_the_global_observatory() throws Exception {
        RecordingObservatory global = new RecordingObservatory();
        RecordingObservatory plugin = new RecordingObservatory();
        GlobalObservatory.set(global);
        try (JettyServer server = host(Map.of(ObservatoireFilter.MAPPINGS_PARAM, MAPPINGS), null)) {
            server.get("/assistant/redaction/a");
            IntranetRuntime.install(plugin, null);
            server.get("/assistant/redaction/b");
            assertThat(global.total()).isEqualTo(1);
            assertThat(plugin.total()).isEqualTo(1);
        }
        try (JettyServer server = host(Map.of(ObservatoireFilter.MAPPINGS_PARAM, MAPPINGS), recording)) {
            server.get("/assistant/redaction/c");
            assertThat(recording.total()).isEqualTo(1);
            assertThat(plugin.total()).isEqualTo(1);
        }
    }

    @Test
    void reads_mappings_from_a_file_and_skips_a_bad_entry_without_stopping_the_application() throws Exception {
        Path file = Files.createTempFile("mappings", ".txt");
        try {
            Files.writeString(file, "/assistant/* -> Not_A_Slug CIVIL_REGISTRY PROMPT\n*.transcrire -> transcription-cm COUNCIL_AFFAIRS TRANSCRIPTION\n");
            Map<String, String> params = Map.of(ObservatoireFilter.MAPPINGS_FILE_PARAM, file.toString(),
                    ObservatoireFilter.MAPPINGS_PARAM, "/api/* -> api-ia INFORMATION_SYSTEMS PROMPT; /x/* -> y NOT_A_SERVICE PROMPT");
            try (JettyServer server = host(params, recording)) {
                assertThat(server.get("/assistant/redaction/lettre").statusCode()).isEqualTo(200);
                server.get("/seance.transcrire");
                server.get("/api/resume");
                assertThat(recording.activity.keySet()).extracting(RecordingObservatory.Key::usageId)
                        .containsExactlyInAnyOrder("transcription-cm", "api-ia");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void without_mappings_of_its_own_uses_those_of_the_plugin_configuration() throws Exception {
        try (JettyServer server = host(Map.of(), recording)) {
            server.get("/assistant/redaction/lettre");
            assertThat(recording.total()).isZero();
            IntranetRuntime.install(null, UsageMappings.parse(MAPPINGS, e -> {
                throw new AssertionError(e);
            }));
            server.get("/assistant/redaction/lettre");
            assertThat(recording.count("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED)).isEqualTo(1);
        }
    }

    @Test
    void can_be_registered_programmatically_with_its_mappings() throws Exception {
        UsageMappings mappings = UsageMappings.of(List.of(
                new UsageMapping(null, "/assistant/*", "assistant", Service.TRANSVERSAL, ActionKind.PROMPT)));
        try (JettyServer server = JettyServer.start(context -> {
            context.setAttribute(ObservatoireFilter.OBSERVATORY_ATTRIBUTE, recording);
            addFilter(context, new FilterHolder(new ObservatoireFilter(mappings)), Map.of());
            addHostServlet(context);
        })) {
            server.get("/assistant/x");
            assertThat(recording.count("assistant", Service.TRANSVERSAL, ActionKind.PROMPT)).isEqualTo(1);
        }
    }
}
