package fr.observatoire.ia.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The declaration JSON Schema of docs/schema, for implementations in other languages and for checking
 * that what the Java model writes is what the schema promises.
 */
public final class DeclarationSchema {
    public static final String RESOURCE = "/fr/observatoire/ia/protocol/schema/declaration-v1.schema.json";
    private static final JsonSchema SCHEMA = load();

    private DeclarationSchema() {
    }

    /** The schema violations of {@code json}, as readable messages; empty when valid. */
    public static List<String> violations(byte[] json) {
        JsonNode node;
        try {
            node = ProtocolJson.mapper().readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        Set<ValidationMessage> messages = SCHEMA.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The schema document itself. */
    public static JsonNode document() {
        try (InputStream in = DeclarationSchema.class.getResourceAsStream(RESOURCE)) {
            return ProtocolJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load() {
        try (InputStream in = DeclarationSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the declaration schema " + RESOURCE + " is missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
