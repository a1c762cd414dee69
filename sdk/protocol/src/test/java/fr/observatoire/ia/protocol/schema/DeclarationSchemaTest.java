package fr.observatoire.ia.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.model.Labelled;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.testing.SampleDeclarations;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeclarationSchemaTest {
    private final byte[] json = ProtocolJson.write(SampleDeclarations.first(LocalDate.of(2026, 11, 16)));

    @Test
    void whatTheModelWritesIsValidAgainstTheSchema() {
        assertThat(DeclarationSchema.violations(json)).isEmpty();
    }

    @Test
    void aFollowingDeclarationWithItsPreviousHashIsValid() {
        byte[] second = ProtocolJson.write(SampleDeclarations.declaration(2, "sha256:" + "ab".repeat(32), LocalDate.of(2026, 11, 23)));
        assertThat(DeclarationSchema.violations(second)).isEmpty();
    }

    @Test
    void aPropertyOffTheAllowListIsAViolation() {
        String tampered = new String(json, StandardCharsets.UTF_8)
                .replace("\"band\":\"FEWER_THAN_3\"", "\"band\":\"FEWER_THAN_3\",\"agents\":[\"jean.dupont@nice.fr\"]");
        assertThat(DeclarationSchema.violations(tampered.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void anExactSmallAgentCountIsNotABand() {
        String tampered = new String(json, StandardCharsets.UTF_8).replace("\"FEWER_THAN_3\"", "2");
        assertThat(DeclarationSchema.violations(tampered.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void aHighRiskUsageWithoutItsAnnexIiiPointIsAViolation() {
        String tampered = new String(json, StandardCharsets.UTF_8).replace("\"annexIiiPoint\":\"5(a)\",", "");
        assertThat(DeclarationSchema.violations(tampered.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void notJsonIsAViolationNotAnException() {
        assertThat(DeclarationSchema.violations("nope".getBytes(StandardCharsets.UTF_8))).singleElement()
                .asString().startsWith("not JSON");
    }

    /** The schema's enums are written from the Java enums; this keeps them from drifting apart. */
    @Test
    void everyEnumOfTheSchemaListsExactlyTheConstantsOfTheJavaEnum() throws ClassNotFoundException {
        JsonNode defs = DeclarationSchema.document().get("$defs");
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> def = it.next();
            if (!def.getValue().has("enum")) {
                continue;
            }
            Class<?> type = Class.forName("fr.observatoire.ia.model." + def.getKey());
            assertThat(Labelled.class).isAssignableFrom(type);
            List<String> schemaValues = new ArrayList<>();
            def.getValue().get("enum").forEach(v -> schemaValues.add(v.asText()));
            List<String> javaValues = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            assertThat(schemaValues).as(def.getKey()).containsExactlyElementsOf(javaValues);
            checked.add(def.getKey());
        }
        assertThat(checked).contains("Maturity", "Governance", "IncidentCategory", "Severity", "AgentBand", "Service");
    }
}
