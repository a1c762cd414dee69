package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.spi.PushPlugin;
import fr.observatoire.ia.testkit.conformance.InvalidSetting;
import fr.observatoire.ia.testkit.conformance.PushPluginConformance;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test kit's push conformance suite against the intranet plugin: the host is a Jetty 12 application whose filter,
 * declared without mappings of its own, takes those of the plugin's configuration; an agent signed in with her
 * e-mail uses the drafting assistant.
 */
class IntranetPluginConformanceTest extends PushPluginConformance {
    private static final String USER = "jeanne.martin@mairie-exemple.fr";

    @TempDir
    Path dir;

    private JettyServer host;

    @AfterEach
    void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
        IntranetRuntime.install(null, null);
    }

    @Override
    protected PushPlugin newPlugin() {
        return new IntranetPlugin();
    }

    @Override
    protected Map<String, String> configuration() {
        return Map.of(IntranetPlugin.MAPPINGS_KEY, file("mappings.txt",
                "/assistant/redaction/* -> redaction-courriers CIVIL_REGISTRY DOCUMENT_DRAFTED\n").toString());
    }

    @Override
    protected List<InvalidSetting> invalidSettings() {
        return List.of(InvalidSetting.of(IntranetPlugin.MAPPINGS_KEY, dir.resolve("absent.txt").toString()),
                InvalidSetting.of(IntranetPlugin.MAPPINGS_KEY, file("bad.txt", "/x/* -> x NOT_A_SERVICE PROMPT\n").toString()));
    }

    /** An agent uses the drafting assistant; the host must answer it as if no plugin were there. */
    @Override
    protected void exercise(PushPlugin startedPlugin) throws Exception {
        if (host == null) {
            host = JettyServer.start(context -> {
                FilterHolder filter = new FilterHolder(ObservatoireFilter.class);
                filter.setAsyncSupported(true);
                context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
                context.addServlet(new ServletHolder(new HostServlet()), "/*");
            });
        }
        HttpResponse<String> answer = host.getAs(USER, "/assistant/redaction/lettre");
        if (answer.statusCode() != 200) {
            throw new AssertionError("the host answered HTTP " + answer.statusCode() + ": " + answer.body());
        }
    }

    @Override
    protected Set<String> forbiddenStrings() {
        return Set.of(USER, "jeanne.martin", "Jeanne Martin", "/assistant/redaction/lettre");
    }

    private Path file(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
