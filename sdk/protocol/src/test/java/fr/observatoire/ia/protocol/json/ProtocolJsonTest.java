package fr.observatoire.ia.protocol.json;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.testing.SampleDeclarations;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtocolJsonTest {
    private final Declaration declaration = SampleDeclarations.first(LocalDate.of(2026, 11, 16));

    @Test
    void aDeclarationSurvivesTheRoundTripAndEncodesTheSameBytesAgain() throws InvalidJsonException {
        byte[] json = ProtocolJson.write(declaration);
        Declaration read = ProtocolJson.read(json, Declaration.class);
        assertThat(read).isEqualTo(declaration);
        assertThat(ProtocolJson.write(read)).isEqualTo(json);
    }

    @Test
    void datesAndEnumsAreWrittenAsTheSchemaSays() {
        String json = new String(ProtocolJson.write(declaration), StandardCharsets.UTF_8);
        assertThat(json).contains("\"start\":\"2026-11-16\"", "\"end\":\"2026-11-23\"", "\"kind\":\"WEEK\"",
                "\"band\":\"FEWER_THAN_3\"", "\"issuedAt\":\"2026-11-23T01:00:00Z\"");
        assertThat(json).doesNotContain("previousHash");
    }

    @Test
    void anUnknownPropertyIsRefusedWithItsName() {
        String json = new String(ProtocolJson.write(declaration), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"agentEmail\":\"jean.dupont@nice.fr\",");
        assertThatThrownBy(() -> ProtocolJson.read(json.getBytes(StandardCharsets.UTF_8), Declaration.class))
                .isInstanceOf(InvalidJsonException.class)
                .hasMessageContaining("agentEmail");
    }

    @Test
    void aModelRuleBrokenInJsonIsReportedWithTheModelsMessage() {
        String json = new String(ProtocolJson.write(declaration), StandardCharsets.UTF_8)
                .replace("\"siren\":\"210600888\"", "\"siren\":\"210600889\"");
        assertThatThrownBy(() -> ProtocolJson.read(json.getBytes(StandardCharsets.UTF_8), Declaration.class))
                .isInstanceOf(InvalidJsonException.class)
                .hasMessageContaining("210600889")
                .hasMessageContaining("not a valid SIREN");
    }

    @Test
    void notJsonAtAllIsAnInvalidJsonException() {
        assertThatThrownBy(() -> ProtocolJson.read("{\"schema\":".getBytes(StandardCharsets.UTF_8), Declaration.class))
                .isInstanceOf(InvalidJsonException.class);
    }
}
