package fr.observatoire.ia.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.protocol.jose.PublicJwk;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An observatory on WireMock that implements the protocol for real (docs/protocol.md): it verifies enrolment and
 * declaration JWS with the enrolled Ed25519 keys, validates payloads against the JSON Schema and the model,
 * deduplicates, answers receipts that carry a real transparency-log inclusion proof, and refuses with the
 * protocol's RFC 9457 problems. It records what it accepted, and simulates the failures a client must survive.
 *
 * <pre>{@code
 * try (FakeObservatory observatory = FakeObservatory.start()) {
 *     String code = observatory.issueEnrolmentCode(declarant);
 *     // point the SDK at observatory.baseUrl(), enrol with the code, record, close the period...
 *     ReceivedDeclaration received = observatory.awaitDeclarations(1, Duration.ofSeconds(10)).get(0);
 * }
 * }</pre>
 *
 * <p>Endpoints, as the reference server serves them: {@value #ENROLMENTS_PATH}, {@value #DECLARATIONS_PATH},
 * {@value #KEY_ROTATIONS_PATH} (the ACME-style rollover: outer JWS by the current key, inner JWS by the new key with
 * its {@code jwk}) and {@value #KEY_REVOCATIONS_PATH} (JWS by the key revoked, or another active key of the SIREN),
 * all POST {@code application/jose}; {@code GET /api/v1/keys/{kid}} (a key's JWK and state);
 * {@code GET /api/v1/declarations/{id}/receipt};
 * {@code GET /api/v1/declarants/{siren}/chain-head}; {@value #LOG_KEY_PATH} (the log's C2SP verifier key, also in
 * every enrolment answer) and {@value #CHECKPOINT_PATH} (the latest signed checkpoint) as text;
 * {@code GET /api/v1/log/proofs/inclusion?index=&size=} and {@code /api/v1/log/proofs/consistency?from=&to=} (JSON,
 * base64 hashes). Declarations are admitted with the server's rules: duplicates, key state, {@code issuedAt} within
 * 5 minutes ahead and 90 days back of this observatory's clock, and the chain (sequence-gap, chain-fork,
 * stale-sequence), and a retired or revoked key signs nothing new ({@code key-retired}, {@code key-revoked}). Rotations
 * and revocations are appended to the log as sent. Not served: the admin API (collectivités are registered with
 * {@link #issueEnrolmentCode(Declarant)}, keys revoked by the observatory with {@link #revoke(String)}), the log's
 * entries. Thread-safe.
 */
public final class FakeObservatory implements AutoCloseable {
    public static final String ENROLMENTS_PATH = "/api/v1/enrolments";
    public static final String DECLARATIONS_PATH = "/api/v1/declarations";
    public static final String KEYS_PATH = "/api/v1/keys";
    public static final String KEY_ROTATIONS_PATH = KeyEndpoints.ROTATIONS_PATH;
    public static final String KEY_REVOCATIONS_PATH = KeyEndpoints.REVOCATIONS_PATH;
    public static final String LOG_PATH = "/api/v1/log";
    public static final String LOG_KEY_PATH = LOG_PATH + "/key";
    public static final String CHECKPOINT_PATH = LOG_PATH + "/checkpoint";
    /** The checkpoint origin and note key name of the fake observatory's log. */
    public static final String DEFAULT_LOG_ORIGIN = "fake-observatory.observatoire-ia.test/log";

    private final WireMockServer server;
    private final Registry registry = new Registry();
    private final TransparencyLog log;
    private final Ledger ledger;
    private final FaultPlan faults = new FaultPlan();
    private final Clock clock;

    private FakeObservatory(Builder builder) {
        this.clock = builder.clock;
        this.log = new TransparencyLog(builder.logOrigin, SigningKey.generate());
        this.ledger = new Ledger(log);
        ProtocolTransformer transformer = new ProtocolTransformer(registry, ledger, log, faults, clock);
        WireMockConfiguration options = WireMockConfiguration.options().extensions(transformer);
        this.server = new WireMockServer(builder.port == 0 ? options.dynamicPort() : options.port(builder.port));
        server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withTransformers(ProtocolTransformer.NAME)));
        server.start();
    }

    /** Starts a fake observatory on a free port, with the system clock. */
    public static FakeObservatory start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://localhost:<port>}: the SDK's {@code observatoire.endpoint}. */
    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The WireMock server underneath, to count or inspect raw requests (retries, headers, proxies). */
    public WireMockServer wireMock() {
        return server;
    }

    // ---- Registration: what the observatory's administrator does out of band.

    /**
     * Registers the collectivité and issues it a one-time enrolment code, valid 14 days by this observatory's clock.
     * A new code replaces the collectivité's earlier unused ones, as on the reference server.
     */
    public String issueEnrolmentCode(Declarant declarant) {
        Objects.requireNonNull(declarant, "declarant");
        synchronized (registry) {
            return registry.issueCode(declarant, clock.instant());
        }
    }

    /** Enrols a key without the HTTP exchange, for tests about declarations only. Returns its kid. */
    public String enrol(Declarant declarant, PublicJwk key) {
        synchronized (registry) {
            return registry.enrolDirectly(declarant, key, clock.instant()).kid();
        }
    }

    /**
     * Revokes a key as the observatory's administrator would: declarations it signs from now on are refused with
     * {@code key-revoked}.
     */
    public void revoke(String kid) {
        synchronized (registry) {
            registry.revoke(kid, Registry.Key.BY_OBSERVATORY, "revoked by the observatory (test)", clock.instant());
        }
    }

    /** Where a key is in its life (enrolled, rotated out, revoked), if it was ever enrolled. */
    public Optional<KeyState> keyState(String kid) {
        synchronized (registry) {
            return registry.key(kid).map(Registry.Key::state);
        }
    }

    /** The key that replaced a retired key, if it was rotated out. */
    public Optional<String> replacedBy(String kid) {
        synchronized (registry) {
            return registry.key(kid).map(Registry.Key::replacedBy);
        }
    }

    /** The reason a key was revoked with (public: it goes into the log), if it was revoked with one. */
    public Optional<String> revocationReason(String kid) {
        synchronized (registry) {
            return registry.key(kid).filter(Registry.Key::revoked).map(Registry.Key::revocationReason);
        }
    }

    /** The SIREN a key is enrolled for, if it is. */
    public Optional<String> sirenOf(String kid) {
        synchronized (registry) {
            return registry.key(kid).map(Registry.Key::siren);
        }
    }

    // ---- The transparency log.

    /** The log's key, with which receipts verify ({@link fr.observatoire.ia.protocol.tlog.ReceiptVerifier}). */
    public NoteVerifier logKey() {
        return log.verifier();
    }

    /** The log's latest checkpoint, signed (C2SP signed note). */
    public String signedCheckpoint() {
        return log.signedCheckpoint();
    }

    /** An RFC 9162 consistency proof between two sizes of the log. */
    public List<byte[]> consistencyProof(long fromSize, long toSize) {
        return log.consistencyProof(fromSize, toSize);
    }

    // ---- What was received.

    /** Every declaration accepted so far, in order of first acceptance (a resubmission is not listed twice). */
    public List<ReceivedDeclaration> declarations() {
        return ledger.received();
    }

    /**
     * Waits until at least {@code count} declarations were accepted and returns them all.
     *
     * @throws AssertionError when they did not arrive in time, saying what did and what was refused
     */
    public List<ReceivedDeclaration> awaitDeclarations(int count, Duration timeout) {
        List<ReceivedDeclaration> received;
        try {
            received = ledger.await(count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + count + " declarations", e);
        }
        if (received.size() < count) {
            throw new AssertionError("the fake observatory accepted " + received.size() + " declaration(s) in " + timeout
                    + ", not " + count + "; accepted: " + received + "; refused: " + refusals());
        }
        return received;
    }

    /** The problems answered so far (refused enrolments and declarations, unknown paths), oldest first. */
    public List<Problem> refusals() {
        return ledger.refusals();
    }

    // ---- Failures a client must survive.

    /**
     * The next POST (enrolment or declaration) is answered {@code status} without being processed, with a
     * {@code Retry-After} in seconds if given. Calls queue: failNext twice fails the next two.
     */
    public void failNext(int status, Optional<Duration> retryAfter) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a failure is a 4xx or 5xx status, not " + status);
        }
        faults.failNext(new FaultPlan.Failure(status, retryAfter));
    }

    /** The next POST is processed (and stored) but its connection is cut before the answer: the client must retry. */
    public void loseNextAnswer() {
        faults.loseNextAnswer();
    }

    /** Every request gets its connection reset, as when the observatory or the network is down, until {@link #up()}. */
    public void down() {
        faults.down(true);
    }

    public void up() {
        faults.down(false);
    }

    /** Every answer waits {@code delay} before it is sent ({@link Duration#ZERO} to stop): for client timeouts. */
    public void delay(Duration delay) {
        faults.delay(delay);
    }

    /**
     * Forgets the declarations received and the refusals, and cancels every simulated failure. Registered
     * collectivités, codes and keys stay, and so does the log, which is append-only.
     */
    public void reset() {
        faults.clear();
        ledger.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "FakeObservatory[" + (server.isRunning() ? baseUrl() : "stopped") + "]";
    }

    /** Options of a fake observatory. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private String logOrigin = DEFAULT_LOG_ORIGIN;

        private Builder() {
        }

        /** A fixed port; by default a free one is chosen. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** The observatory's clock: receipts' {@code receivedAt}, enrolment times and code expiry. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The log's checkpoint origin, also the name of its note key (no spaces, no '+'). */
        public Builder logOrigin(String value) {
            this.logOrigin = Objects.requireNonNull(value, "logOrigin");
            return this;
        }

        public FakeObservatory start() {
            return new FakeObservatory(this);
        }
    }
}
