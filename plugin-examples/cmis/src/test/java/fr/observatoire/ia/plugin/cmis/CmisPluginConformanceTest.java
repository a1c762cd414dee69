package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PullPlugin;
import fr.observatoire.ia.testkit.conformance.HttpSourceFixture;
import fr.observatoire.ia.testkit.conformance.InvalidSetting;
import fr.observatoire.ia.testkit.conformance.PullPluginConformance;
import fr.observatoire.ia.testkit.conformance.SourceFixture;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The test kit's conformance suite against the CMIS plugin reading Alfresco's browser binding: a fake repository
 * behind WireMock that applies the plugin's query (window, folder, order, ties in a changing order) and answers
 * names and creators the plugin must never keep. {@link CmisSearchApiConformanceTest} runs the same suite on Alfresco's search API.
 */
class CmisPluginConformanceTest extends PullPluginConformance {
    private static final String FOLDER_ID = "8f2105b4-daaf-4874-9e8a-2152569d109b";
    private static final Instant T0 = Instant.parse("2024-06-10T06:13:20Z");

    private final Repository repository = new Repository();

    /** Alfresco with a site mapped to a service; documents arrive in two waves, some sharing a millisecond. */
    static final class Repository extends HttpSourceFixture {
        private final FakeCmisServer cmis;

        Repository() {
            this(new FakeCmisServer());
        }

        private Repository(FakeCmisServer cmis) {
            super(cmis);
            this.cmis = cmis;
        }

        @Override
        protected void stubHealthySource(boolean withMoreRecords) {
            FakeRepository documents = new FakeRepository(42L).folder("/Sites/etat-civil", FOLDER_ID);
            documents.add(new FakeRepository.Doc("doc-1", T0, "/Sites/etat-civil"))
                    .add(new FakeRepository.Doc("doc-2", T0.plusMillis(500), null))
                    .add(new FakeRepository.Doc("doc-3", T0.plusMillis(500), "/Sites/etat-civil"));
            if (withMoreRecords) {
                documents.add(new FakeRepository.Doc("doc-4", T0.plusMillis(500), null))
                        .add(new FakeRepository.Doc("doc-5", T0.plusSeconds(60), "/Sites/etat-civil/naissances"));
            }
            cmis.serve(documents);
            server().stubFor(get(urlPathEqualTo(StubbedRepository.ALFRESCO + "/root/Sites/etat-civil"))
                    .willReturn(StubbedRepository.json("alfresco/folder-etat-civil.json")));
            server().stubFor(get(urlPathEqualTo(StubbedRepository.ALFRESCO)).willReturn(aResponse().withTransformers(FakeCmisServer.NAME)));
            server().stubFor(post(urlPathEqualTo(StubbedRepository.ALFRESCO_SEARCH)).willReturn(aResponse().withTransformers(FakeCmisServer.NAME)));
        }
    }

    @Override
    protected PullPlugin newPlugin() {
        return new CmisPlugin();
    }

    @Override
    protected SourceFixture source() {
        return repository;
    }

    @Override
    protected Map<String, String> configuration() {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", repository.baseUrl() + StubbedRepository.ALFRESCO);
        settings.put("username", "svc-observatoire");
        settings.put("password", "s3cret-du-service");
        settings.put("marker.aspect", "P:ia:assisted");
        settings.put("marker.property", "ia:generated");
        settings.put("marker.value", "true");
        settings.put("services.CIVIL_REGISTRY", "/Sites/etat-civil");
        settings.put("usage-id", "redaction-assistee");
        settings.put("settle", "PT0S");
        settings.put("timeout", "PT3S");
        return settings;
    }

    @Override
    protected Set<String> forbiddenStrings() {
        // FakeCmisServer puts a name and a creator in every result, as a repository ignoring the select list would.
        return Set.of("Jeanne Sensible", "jsensible", "Courrier à Mme", ".docx");
    }

    @Override
    protected List<InvalidSetting> invalidSettings() {
        return List.of(InvalidSetting.missing("url"), InvalidSetting.of("url", "ftp://ged.example.fr/cmis"),
                InvalidSetting.missing("usage-id"), InvalidSetting.of("mode", "webdav"), InvalidSetting.of("page-size", "0"),
                InvalidSetting.of("timeout", "PT0S"), InvalidSetting.of("default-service", "CANTINE"),
                InvalidSetting.of("since", "last year"));
    }
}
