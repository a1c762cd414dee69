package fr.observatoire.ia.server.opendata;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator itself must refuse what data.gouv.fr would refuse, or the open-data test proves nothing. */
class TableSchemaValidatorTest {
    private static final Map<String, Object> SCHEMA = Map.of("fields", List.of(
            Map.of("name", "code", "type", "string", "constraints", Map.of("required", true)),
            Map.of("name", "n", "type", "integer"),
            Map.of("name", "taux", "type", "number"),
            Map.of("name", "jour", "type", "date"),
            Map.of("name", "ok", "type", "boolean")));

    @Test
    void acceptsAValidFileWithQuotesAndMissingValues() {
        String csv = "code,n,taux,jour,ok\r\n\"06, \"\"Alpes\"\"\",12,0.5,2026-11-01,true\r\n2A,,,,\r\n";
        assertThat(TableSchemaValidator.validate(csv, SCHEMA)).isEmpty();
    }

    @Test
    void refusesWhatTheSchemaDoesNotAllow() {
        assertThat(TableSchemaValidator.validate("code,n,taux,ok,jour\r\n", SCHEMA)).singleElement().asString().contains("header");
        assertThat(TableSchemaValidator.validate("code,n,taux,jour,ok\r\n,1,1,2026-01-01,true\r\n", SCHEMA))
                .singleElement().asString().contains("required");
        assertThat(TableSchemaValidator.validate("code,n,taux,jour,ok\r\nA,1.5,x,2026-13-01,yes\r\n", SCHEMA)).hasSize(4);
        assertThat(TableSchemaValidator.validate("code,n,taux,jour,ok\r\nA,1\r\n", SCHEMA)).singleElement().asString().contains("2 values");
        assertThat(TableSchemaValidator.validate("code,n,taux,jour,ok\r\n\"A,1,1,2026-01-01,true\r\n", SCHEMA)).isNotEmpty();
    }
}
