package fr.observatoire.ia.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * JAX-RS writes JSON with the protocol's mapper, so that a receipt or an enrolment response is encoded
 * exactly as the SDK reads it (ISO 8601 instants, nulls omitted). Replaces Quarkus' default mapper.
 */
public class ProtocolObjectMapper {
    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return ProtocolJson.mapper();
    }
}
