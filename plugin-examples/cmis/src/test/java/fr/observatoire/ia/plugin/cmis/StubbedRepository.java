package fr.observatoire.ia.plugin.cmis;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** WireMock standing in for Alfresco and Nuxeo, with the fixtures of {@code src/test/resources/fixtures}. */
abstract class StubbedRepository {
    static final String ALFRESCO = "/alfresco/api/-default-/public/cmis/versions/1.1/browser";
    static final String ALFRESCO_SEARCH = "/alfresco/api/-default-/public/search/versions/1/search";
    static final String NUXEO = "/nuxeo/json/cmis/default";

    static final FakeCmisServer FAKE = new FakeCmisServer();

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(FAKE))
            .build();

    @BeforeEach
    void resetFake() {
        FAKE.serve(new FakeRepository(null));
        FAKE.alwaysMore(false);
    }

    static String fixture(String name) {
        try (InputStream in = StubbedRepository.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseDefinitionBuilder json(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(fixture(fixture));
    }

    static ResponseDefinitionBuilder jsonBody(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    /** Settings of a plugin reading the stub at {@code path}: an AI property marker, no settle delay. */
    static Map<String, String> settings(String path, String... more) {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", server.baseUrl() + path);
        settings.put("usage-id", "redaction-assistee");
        settings.put("marker.property", "ia:generated");
        settings.put("marker.value", "true");
        settings.put("username", "svc-observatoire");
        settings.put("password", "s3cret");
        settings.put("settle", "PT0S");
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                settings.remove(more[i]);
            } else {
                settings.put(more[i], more[i + 1]);
            }
        }
        return settings;
    }

    static CmisPlugin started(Map<String, String> settings) throws PluginException {
        CmisPlugin plugin = new CmisPlugin();
        plugin.start(TestContext.of(settings));
        return plugin;
    }

    static PullBatch pull(CmisPlugin plugin, String cursor) throws PluginException {
        return plugin.pull(Optional.ofNullable(cursor), PullProgress.NONE);
    }
}
