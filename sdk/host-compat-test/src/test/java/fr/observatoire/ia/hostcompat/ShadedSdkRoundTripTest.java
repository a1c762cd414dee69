package fr.observatoire.ia.hostcompat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.sdk.DeclarationPreview;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host, with its Jackson 2.12 and HttpClient 5.1, embeds observatoire-sdk-all: the SDK enrols, records, signs,
 * stores, previews and sends a declaration that the observatory verifies, while the host keeps using its own
 * libraries in the same JVM.
 */
class ShadedSdkRoundTripTest {
    @TempDir
    Path dataDir;

    @Test
    void a_declaration_goes_from_a_host_with_old_libraries_to_the_observatory() throws Exception {
        try (StandInObservatory observatory = new StandInObservatory()) {
            try (ObservatoireSdk sdk = ObservatoireSdk.builder()
                    .endpoint(observatory.endpoint())
                    .declarant(new Declarant(DeclarantKind.COMMUNE, "210600888", "06088", null, "Commune de Nice"))
                    .dataDir(dataDir)
                    .shutdownHook(false)
                    .build()) {
                assertThat(sdk.isEnabled()).isTrue();
                sdk.enrol("CODE-FROM-THE-OBSERVATORY");
                sdk.declareInventory(new Inventory(1, List.of(usage())));
                sdk.activity("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED).add(12);

                DeclarationPreview preview = sdk.preview().orElseThrow();
                assertThat(preview.summary(Locale.FRENCH)).contains("Rédaction", preview.payloadText());
                DeclarationPreview declared = sdk.closePeriodNow();
                sdk.flush(Duration.ofSeconds(10));

                assertThat(observatory.accepted()).as("received, signature verified").hasSize(1);
                assertThat(observatory.accepted().get(0)).isEqualTo(declared.payload());
            }

            // The host's own Jackson 2.12 and HttpClient 5.1 work in the same JVM, on the same data.
            JsonNode payload = new ObjectMapper().readTree(observatory.accepted().get(0));
            assertThat(payload.get("activity").get(0).get("count").asLong()).isEqualTo(12);
            try (CloseableHttpClient hostClient = HttpClients.createDefault()) {
                String health = hostClient.execute(new HttpGet(observatory.endpoint() + "/health"),
                        response -> EntityUtils.toString(response.getEntity()));
                assertThat(new ObjectMapper().readTree(health).get("status").asText()).isEqualTo("UP");
            }
        }
    }

    static AiUsage usage() {
        return new AiUsage("redaction-courriers", "Aide à la rédaction des courriers", null, "Le Chat", "Mistral AI", null,
                Hosting.EU_CLOUD, Purpose.DRAFTING, List.of(Service.CIVIL_REGISTRY), Maturity.PILOT, Governance.SANCTIONED,
                List.of(DataCategory.INTERNAL), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT, AiActAssessment.of(AiActRiskClass.MINIMAL),
                List.of(), List.of(), PublicationLevel.PUBLIC_REGISTER);
    }
}
