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
import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.Receipt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stand-in observatory on WireMock that really verifies: enrolment JWS against its embedded key, declaration
 * JWS against the enrolled key (refusing retired and revoked keys), key rollovers signed by both keys, and answers
 * duplicates with the same receipt. It keeps a real transparency log ({@link FakeLog}): receipts carry real
 * inclusion proofs and signed checkpoints, and it serves consistency proofs. Faults are stubs of higher priority
 * laid over it by the tests, or {@link #tamperReceipts}.
 */
public final class FakeObservatory implements AutoCloseable {
    public static final String DECLARATIONS = "/api/v1/declarations";
    public static final String ENROLMENTS = "/api/v1/enrolments";
    public static final String ROTATIONS = "/api/v1/keys/rotations";
    public static final String REVOCATIONS = "/api/v1/keys/revocations";
    public static final String LOG_KEY = "/api/v1/log/key";
    public static final String CHECKPOINT = "/api/v1/log/checkpoint";
    public static final String CONSISTENCY = "/api/v1/log/proofs/consistency";

    /** A key as the observatory knows it. */
    public record KeyRecord(PublicJwk key, String siren, String state) {
        KeyRecord withState(String newState) {
            return new KeyRecord(key, siren, newState);
        }
    }

    private final Map<String, KeyRecord> keys = new ConcurrentHashMap<>();
    private final Map<String, KeyRotation.Response> rotations = new ConcurrentHashMap<>();
    private final Map<UUID, Receipt> receipts = new ConcurrentHashMap<>();
    private final List<Declaration> accepted = new CopyOnWriteArrayList<>();
    private final List<byte[]> acceptedPayloads = new CopyOnWriteArrayList<>();
    private final List<String> acceptedJws = new CopyOnWriteArrayList<>();
    private final FakeLog log;
    private final WireMockServer server;
    private volatile UnaryOperator<Receipt> receiptTamper = UnaryOperator.identity();
    private StubMapping down;

    /** An observatory with a transparency log. */
    public FakeObservatory() {
        this(new FakeLog());
    }

    /** An observatory from before the transparency log: no log key at enrolment, receipts without proof. */
    public static FakeObservatory withoutLog() {
        return new FakeObservatory(null);
    }

    private FakeObservatory(FakeLog log) {
        this.log = log;
        server = new WireMockServer(options().dynamicPort().extensions(new Enrolments(), new Declarations(), new Rotations(),
                new Revocations(), new LogEndpoints()));
        server.start();
        server.stubFor(post(urlPathEqualTo(ENROLMENTS)).atPriority(10).willReturn(aResponse().withTransformers("enrolments")));
        server.stubFor(post(urlPathEqualTo(DECLARATIONS)).atPriority(10).willReturn(aResponse().withTransformers("declarations")));
        server.stubFor(post(urlPathEqualTo(ROTATIONS)).atPriority(10).willReturn(aResponse().withTransformers("rotations")));
        server.stubFor(post(urlPathEqualTo(REVOCATIONS)).atPriority(10).willReturn(aResponse().withTransformers("revocations")));
        for (String path : List.of(LOG_KEY, CHECKPOINT, CONSISTENCY)) {
            server.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(aResponse().withTransformers("log")));
        }
    }

    public String endpoint() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    public FakeLog log() {
        return log;
    }

    public List<Declaration> accepted() {
        return List.copyOf(accepted);
    }

    public List<byte[]> acceptedPayloads() {
        return List.copyOf(acceptedPayloads);
    }

    /** The compact JWS of each accepted declaration, as received. */
    public List<String> acceptedJws() {
        return List.copyOf(acceptedJws);
    }

    public PublicJwk enrolledKey(String kid) {
        KeyRecord record = keys.get(kid);
        return record == null ? null : record.key();
    }

    /** ACTIVE, RETIRED or REVOKED; null for an unknown key. */
    public String keyState(String kid) {
        KeyRecord record = keys.get(kid);
        return record == null ? null : record.state();
    }

    /** Revokes a key on the observatory's side (as its administrator would). */
    public void revokeOnServer(String kid) {
        keys.computeIfPresent(kid, (k, record) -> record.withState("REVOKED"));
    }

    /** Changes every receipt given from now on (the declaration is still logged): a broken or lying observatory. */
    public void tamperReceipts(UnaryOperator<Receipt> tamper) {
        this.receiptTamper = tamper;
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

    private static ResponseDefinition text(String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(body).build();
    }

    public static ResponseDefinition problem(int status, String slug, String detail) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", Problem.MEDIA_TYPE)
                .withBody(ProtocolJson.write(Problem.of(slug, slug, status, detail))).build();
    }

    /** The key that signed {@code jws} (by its kid), verified, and its record. */
    private KeyRecord signer(ParsedJws jws) throws Exception {
        KeyRecord record = keys.get(jws.kid().orElse(""));
        if (record == null) {
            throw new IllegalArgumentException("unknown key " + jws.kid().orElse(""));
        }
        jws.verify(record.key());
        return record;
    }

    private abstract static class Transformer implements ResponseDefinitionTransformerV2 {
        private final String name;

        Transformer(String name) {
            this.name = name;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    private final class Enrolments extends Transformer {
        Enrolments() {
            super("enrolments");
        }

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
                boolean again = keys.putIfAbsent(key.thumbprint(), new KeyRecord(key, request.siren(), "ACTIVE")) != null;
                return json(again ? 200 : 201, new EnrolmentResponse(request.siren(), key.thumbprint(), Instant.now(),
                        endpoint() + DECLARATIONS, log == null ? null : log.vkey()));
            } catch (Exception e) {
                return problem(400, "malformed-jws", e.getMessage());
            }
        }
    }

    private final class Declarations extends Transformer {
        Declarations() {
            super("declarations");
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            synchronized (FakeObservatory.this) {
                try {
                    String body = event.getRequest().getBodyAsString();
                    ParsedJws jws = Jws.parse(body);
                    jws.requireType(Jws.TYP_DECLARATION);
                    KeyRecord key = keys.get(jws.kid().orElse(""));
                    if (key == null) {
                        return problem(403, "unknown-key", "no enrolled key " + jws.kid().orElse(""));
                    }
                    jws.verify(key.key());
                    Declaration declaration = Jws.payload(jws, Declaration.class);
                    String hash = Hashes.declarationHash(jws.payload());
                    Receipt existing = receipts.get(declaration.id());
                    if (existing != null) {
                        return existing.declarationHash().equals(hash) ? json(200, receiptTamper.apply(existing))
                                : problem(409, "declaration-conflict", "same id, other content");
                    }
                    if (!"ACTIVE".equals(key.state())) {
                        return "RETIRED".equals(key.state())
                                ? problem(403, "key-retired", "the key " + jws.kid().orElse("") + " was retired by a rotation")
                                : problem(403, "key-revoked", "the key " + jws.kid().orElse("") + " was revoked");
                    }
                    Receipt receipt = log == null
                            ? new Receipt(declaration.id(), declaration.declarant().siren(), declaration.sequence(), hash, Instant.now())
                            : logged(declaration, hash, body);
                    receipts.put(declaration.id(), receipt);
                    accepted.add(declaration);
                    acceptedPayloads.add(jws.payload());
                    acceptedJws.add(body);
                    return json(201, receiptTamper.apply(receipt));
                } catch (Exception e) {
                    return problem(422, "invalid-declaration", String.valueOf(e.getMessage()));
                }
            }
        }

        private Receipt logged(Declaration declaration, String hash, String jws) {
            long index = log.append(jws.getBytes(StandardCharsets.US_ASCII));
            return new Receipt(declaration.id(), declaration.declarant().siren(), declaration.sequence(), hash, Instant.now(),
                    index, log.tlogProof(index));
        }
    }

    /** ACME-style rollover: outer JWS by the old key, inner by the new key; a repeat of the same pair answers 200. */
    private final class Rotations extends Transformer {
        Rotations() {
            super("rotations");
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            synchronized (FakeObservatory.this) {
                try {
                    ParsedJws outer = Jws.parse(event.getRequest().getBodyAsString());
                    outer.requireType(Jws.TYP_KEY_ROTATION);
                    KeyRecord old = signer(outer);
                    ParsedJws inner = Jws.parse(Jws.payload(outer, KeyRotation.Request.class).newKey());
                    inner.requireType(Jws.TYP_KEY_ROTATION);
                    PublicJwk newKey = inner.embeddedJwk().orElseThrow();
                    inner.verify(newKey);
                    KeyRotation.Inner request = Jws.payload(inner, KeyRotation.Inner.class);
                    String oldKid = outer.kid().orElseThrow();
                    if (!oldKid.equals(request.oldKid()) || !old.siren().equals(request.siren())) {
                        return problem(422, "invalid-request", "the inner JWS names another key or SIREN");
                    }
                    KeyRotation.Response done = rotations.get(oldKid);
                    if (done != null && done.newKid().equals(newKey.thumbprint())) {
                        return json(200, done);
                    }
                    if (!"ACTIVE".equals(old.state())) {
                        return problem(403, "RETIRED".equals(old.state()) ? "key-retired" : "key-revoked", "the old key is not active");
                    }
                    if (keys.containsKey(newKey.thumbprint())) {
                        return problem(409, "key-already-enrolled", "the new key is already enrolled");
                    }
                    keys.put(oldKid, old.withState("RETIRED"));
                    keys.put(newKey.thumbprint(), new KeyRecord(newKey, old.siren(), "ACTIVE"));
                    KeyRotation.Response response = new KeyRotation.Response(old.siren(), oldKid, newKey.thumbprint(), Instant.now());
                    rotations.put(oldKid, response);
                    return json(201, response);
                } catch (Exception e) {
                    return problem(403, "signature-invalid", String.valueOf(e.getMessage()));
                }
            }
        }
    }

    private final class Revocations extends Transformer {
        Revocations() {
            super("revocations");
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                ParsedJws jws = Jws.parse(event.getRequest().getBodyAsString());
                jws.requireType(Jws.TYP_KEY_REVOCATION);
                KeyRecord key = signer(jws);
                KeyRevocation revocation = Jws.payload(jws, KeyRevocation.class);
                if (!revocation.kid().equals(jws.kid().orElse("")) || !revocation.siren().equals(key.siren())) {
                    return problem(422, "invalid-request", "the revocation names another key or SIREN");
                }
                keys.put(revocation.kid(), key.withState("REVOKED"));
                return json(200, revocation);
            } catch (Exception e) {
                return problem(403, "signature-invalid", String.valueOf(e.getMessage()));
            }
        }
    }

    private final class LogEndpoints extends Transformer {
        LogEndpoints() {
            super("log");
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            if (log == null) {
                return problem(404, "not-found", "no transparency log");
            }
            String path = event.getRequest().getUrl().split("\\?")[0];
            return switch (path) {
                case LOG_KEY -> text(log.vkey() + "\n");
                case CHECKPOINT -> text(log.signedCheckpoint());
                default -> consistency(Long.parseLong(event.getRequest().queryParameter("from").firstValue()),
                        Long.parseLong(event.getRequest().queryParameter("to").firstValue()));
            };
        }

        private ResponseDefinition consistency(long from, long to) {
            if (from < 1 || to > log.size() || from > to) {
                return problem(400, "invalid-parameter", "no proof from " + from + " to " + to);
            }
            List<String> proof = log.consistencyProof(from, to).stream().map(Base64.getEncoder()::encodeToString).toList();
            return json(200, Map.of("from", from, "to", to, "proof", proof));
        }
    }
}
