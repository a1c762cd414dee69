package fr.observatoire.ia.sdk.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.protocol.messages.EnrolmentRequest;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.Receipt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stand-in observatory on WireMock that really verifies: enrolment JWS against its embedded key, declaration
 * JWS against the enrolled key, and answers duplicates with the same receipt. Faults are stubs of higher
 * priority laid over it by the tests.
 */
public final class FakeObservatory implements AutoCloseable {
    public static final String DECLARATIONS = "/api/v1/declarations";
    public static final String ENROLMENTS = "/api/v1/enrolments";

    private final Map<String, PublicJwk> keys = new ConcurrentHashMap<>();
    private final Map<UUID, Receipt> receipts = new ConcurrentHashMap<>();
    private final List<Declaration> accepted = new CopyOnWriteArrayList<>();
    private final List<byte[]> acceptedPayloads = new CopyOnWriteArrayList<>();
    private final WireMockServer server;
    private StubMapping down;

    public FakeObservatory() {
        server = new WireMockServer(options().dynamicPort().extensions(new Enrolments(), new Declarations()));
        server.start();
        server.stubFor(post(urlPathEqualTo(ENROLMENTS)).atPriority(10).willReturn(aResponse().withTransformers("enrolments")));
        server.stubFor(post(urlPathEqualTo(DECLARATIONS)).atPriority(10).willReturn(aResponse().withTransformers("declarations")));
    }

    public String endpoint() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    public List<Declaration> accepted() {
        return List.copyOf(accepted);
    }

    public List<byte[]> acceptedPayloads() {
        return List.copyOf(acceptedPayloads);
    }

    public PublicJwk enrolledKey(String kid) {
        return keys.get(kid);
    }

    /** Every request answers 503 until {@link #up()}. */
    public void down() {
        down = server.stubFor(post(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(503)));
    }

    public void up() {
        if (down != null) {
            server.removeStub(down);
            down = null;
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static ResponseDefinition json(int status, Object body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(ProtocolJson.write(body)).build();
    }

    private static ResponseDefinition problem(int status, String slug, String detail) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", Problem.MEDIA_TYPE)
                .withBody(ProtocolJson.write(Problem.of(slug, slug, status, detail))).build();
    }

    private final class Enrolments implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                ParsedJws jws = Jws.parse(event.getRequest().getBodyAsString());
                jws.requireType(Jws.TYP_ENROLMENT);
                PublicJwk key = jws.embeddedJwk().orElseThrow();
                jws.verify(key);
                EnrolmentRequest request = Jws.payload(jws, EnrolmentRequest.class);
                if (!request.enrolmentCode().startsWith("GOOD")) {
                    return problem(403, "enrolment-code-invalid", "no such code");
                }
                boolean again = keys.putIfAbsent(key.thumbprint(), key) != null;
                return json(again ? 200 : 201, new EnrolmentResponse(request.siren(), key.thumbprint(), Instant.now(), endpoint() + DECLARATIONS));
            } catch (Exception e) {
                return problem(400, "malformed-jws", e.getMessage());
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "enrolments";
        }
    }

    private final class Declarations implements ResponseDefinitionTransformerV2 {
        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            try {
                ParsedJws jws = Jws.parse(event.getRequest().getBodyAsString());
                jws.requireType(Jws.TYP_DECLARATION);
                PublicJwk key = keys.get(jws.kid().orElse(""));
                if (key == null) {
                    return problem(403, "unknown-key", "no enrolled key " + jws.kid().orElse(""));
                }
                jws.verify(key);
                Declaration declaration = Jws.payload(jws, Declaration.class);
                String hash = Hashes.declarationHash(jws.payload());
                Receipt existing = receipts.get(declaration.id());
                if (existing != null) {
                    return existing.declarationHash().equals(hash) ? json(200, existing)
                            : problem(409, "declaration-conflict", "same id, other content");
                }
                Receipt receipt = new Receipt(declaration.id(), declaration.declarant().siren(), declaration.sequence(), hash, Instant.now());
                receipts.put(declaration.id(), receipt);
                accepted.add(declaration);
                acceptedPayloads.add(jws.payload());
                return json(201, receipt);
            } catch (Exception e) {
                return problem(422, "invalid-declaration", String.valueOf(e.getMessage()));
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "declarations";
        }
    }
}
