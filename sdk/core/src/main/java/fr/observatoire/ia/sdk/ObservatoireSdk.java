package fr.observatoire.ia.sdk;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.IncidentCounter;
import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.sdk.internal.DependencyConflict;
import fr.observatoire.ia.sdk.internal.SdkRuntime;
import fr.observatoire.ia.sdk.internal.config.ConfigReader;
import fr.observatoire.ia.sdk.internal.counters.Recorder;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * The observatory SDK: an {@link Observatory} that counts in memory, checkpoints to a local store, declares each
 * ended period as a signed declaration and sends it, durably, to the observatory.
 *
 * <pre>{@code
 * ObservatoireSdk sdk = ObservatoireSdk.fromConfig();      // observatoire.* keys, see docs/configuration.md
 * GlobalObservatory.set(sdk);
 * ActivityCounter drafts = sdk.activity("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED);
 * drafts.increment();                                      // a LongAdder.add: no lock, no I/O, no allocation
 * }</pre>
 *
 * <p>The {@link Observatory} methods follow its contract: they never throw into the host (except for null handle
 * arguments) and never block on I/O. The administration methods ({@link #enrol}, {@link #preview},
 * {@link #closePeriodNow}, {@link #status}, {@link #rotateKey}, {@link #revokeKey}, {@link #checkLog}) are for the
 * standalone agent, an admin page or a DPO: they may block and report failures.
 *
 * <p>A disabled SDK ({@code observatoire.enabled=false}, or an invalid configuration with
 * {@code observatoire.on-invalid-config=NOOP}) behaves as {@link Observatory#noop()}; {@link #isEnabled()} and
 * {@link #status()} say so and why.
 */
public final class ObservatoireSdk implements Observatory {
    private static final Logger LOG = System.getLogger("fr.observatoire.ia.sdk");

    private final SdkRuntime runtime;
    private final Recorder recorder;
    private final String disabledReason;
    private final Thread shutdownHook;

    private ObservatoireSdk(SdkRuntime runtime, String disabledReason, boolean installHook) {
        this.runtime = runtime;
        this.recorder = runtime == null ? null : runtime.recorder();
        this.disabledReason = disabledReason;
        this.shutdownHook = runtime != null && installHook ? installShutdownHook() : null;
    }

    private Thread installShutdownHook() {
        Thread hook = new Thread(this::closeFromHook, "observatoire-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        } catch (IllegalStateException jvmShuttingDown) {
            return null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the SDK from MicroProfile Config (properties, environment, system properties).
     *
     * @throws InvalidConfigException when the configuration is invalid and {@code observatoire.on-invalid-config} is FAIL
     */
    public static ObservatoireSdk fromConfig(Config config) {
        return fromConfig(config, PluginSettings.fromConfig(config));
    }

    /**
     * {@link #fromConfig(Config)} with the plugins set apart: the standalone agent adds its plugins directory and
     * decides whether pulls run on their schedule.
     */
    public static ObservatoireSdk fromConfig(Config config, PluginSettings plugins) {
        SdkConfig sdkConfig;
        try {
            sdkConfig = ConfigReader.read(config);
        } catch (InvalidConfigException e) {
            if (ConfigReader.policy(config) == SdkConfig.OnInvalidConfig.NOOP) {
                return disabledAfterFailure(e);
            }
            throw e;
        }
        return builder().config(sdkConfig).plugins(plugins).build();
    }

    /** {@link #fromConfig(Config)} with {@code ConfigProvider.getConfig()}. */
    public static ObservatoireSdk fromConfig() {
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (IllegalStateException | java.util.ServiceConfigurationError e) {
            throw new IllegalStateException("ObservatoireSdk.fromConfig() needs a MicroProfile Config implementation on the"
                    + " classpath (e.g. io.smallrye.config:smallrye-config); without one, use ObservatoireSdk.builder()", e);
        }
        return fromConfig(config);
    }

    private static ObservatoireSdk disabledAfterFailure(RuntimeException e) {
        LOG.log(Level.WARNING, "The observatory SDK is disabled because it cannot start (observatoire.on-invalid-config=NOOP): "
                + e.getMessage());
        return new ObservatoireSdk(null, e.getMessage(), false);
    }

    /** False when the SDK records nothing (disabled by configuration, or could not start under the NOOP policy). */
    public boolean isEnabled() {
        return runtime != null;
    }

    // ---- Observatory: host threads, memory only --------------------------------------------------------------

    @Override
    public ActivityCounter activity(String usageId, Service service, ActionKind action) {
        return recorder == null ? Observatory.noop().activity(usageId, service, action) : recorder.activity(usageId, service, action);
    }

    @Override
    public IncidentCounter incidents(IncidentCategory category, Severity severity) {
        return recorder == null ? Observatory.noop().incidents(category, severity) : recorder.incidents(category, severity);
    }

    @Override
    public void agentActive(String usageId, String localAgentId) {
        if (recorder != null) {
            guard(() -> recorder.agentActive(usageId, localAgentId));
        }
    }

    @Override
    public void declareInventory(Inventory inventory) {
        if (recorder != null) {
            recorder.declareInventory(inventory);
        }
    }

    /**
     * Usages one source contributes to the inventory, without replacing anyone else's: a plugin (the proxy-log
     * shadow-AI detection, the intranet's self-declaration form) calls this where {@link #declareInventory} would
     * overwrite the host's register, and the host keeps calling {@code declareInventory}. At each checkpoint the
     * inventory declared is the host's, plus each contributed usage whose id it does not have; the host's usages
     * win on every field. A source's later contribution replaces its usages of the same id and adds the others
     * (retire one by contributing it as abandoned); the inventory version grows only when the merge changes.
     * Memory only, like every recording method. {@code PullBatch.usages()} of a pull plugin maps onto it.
     *
     * @param source the contributing source's name (letters, digits, '.', '_', '-'; at most 64), e.g. {@code squid}
     */
    public void contributeUsages(String source, List<AiUsage> usages) {
        if (recorder != null) {
            recorder.contributeUsages(source, usages);
        }
    }

    @Override
    public void reportIncident(ReportedIncident incident) {
        if (recorder != null) {
            recorder.reportIncident(incident);
        }
    }

    /** A plugin's report on its source for the current period; the latest per source name goes with the next declaration. */
    public void reportSource(SourceReport report) {
        if (recorder != null) {
            recorder.reportSource(report);
        }
    }

    /** Counts something a plugin had to drop (a malformed log line, a failed page of results), for the next declaration. */
    public void recordLoss(LossReason reason, String source, long count) {
        if (recorder != null) {
            recorder.recordLoss(reason, source, count);
        }
    }

    @Override
    public boolean flush(Duration timeout) {
        if (runtime == null) {
            return true;
        }
        try {
            return runtime.flush(timeout == null ? Duration.ZERO : timeout);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "flush failed: " + e.getMessage(), e);
            return false;
        }
    }

    /**
     * Checkpoints what was recorded and stops the threads. Idempotent, bounded (each step waits at most
     * {@code observatoire.shutdown-timeout}), never throws. Declarations not yet sent stay in the outbox for the next
     * start. Handles keep accepting counts afterwards, which are then discarded.
     */
    @Override
    public void close() {
        if (runtime == null) {
            return;
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or about to: it closes us, and close is idempotent.
            }
        }
        closeFromHook();
    }

    private void closeFromHook() {
        try {
            runtime.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "close failed: " + e.getMessage(), e);
        }
    }

    // ---- Administration: callers that can wait and want to know -----------------------------------------------

    /**
     * Enrols this collectivité with the one-time code the observatory gave it: generates the Ed25519 key if the data
     * directory has none (file {@code signing-key.jwk}, mode 0600), proves possession to the observatory and, once it
     * accepts, lets the SDK sign declarations (periods that ended meanwhile are declared right away). Calling it again
     * with the same code is harmless. Blocks for at most the HTTP timeouts.
     *
     * @throws EnrolmentException with the observatory's problem slug and a sentence saying what to do
     */
    public EnrolmentResponse enrol(String code) throws EnrolmentException {
        if (runtime == null) {
            throw new EnrolmentException("sdk-disabled", 0, "Le SDK est désactivé / The SDK is disabled: " + disabledReason, null, null);
        }
        return runtime.enrol(code);
    }

    /**
     * Replaces the signing key (ACME-style rollover: signed by the old and the new key). The new key is written as
     * {@code signing-key.next.jwk} before anything is sent; once the observatory accepts it, the declarations still
     * pending are re-signed with it (same payload, same hash, same chain) and the old key is kept as
     * {@code signing-key.<kid>.retired.jwk}. If the answer is lost or the process stops midway, the SDK finishes the
     * rotation by itself (at start, or before it next sends). Blocks for at most the HTTP timeouts.
     *
     * @throws KeyOperationException with the observatory's problem slug and what happened to the keys
     */
    public KeyRotation.Response rotateKey() throws KeyOperationException {
        if (runtime == null) {
            throw new KeyOperationException("sdk-disabled", 0, "Le SDK est désactivé / The SDK is disabled: " + disabledReason, null);
        }
        return runtime.rotateKey();
    }

    /**
     * Revokes the signing key (a compromised server, a leaked backup). The SDK then signs nothing until it is
     * enrolled again with a new code from the observatory ({@link #enrol}); {@link SdkStatus#alarms()} says so, and
     * the declarations still pending are re-signed with the new key at enrolment. Calling it twice is harmless.
     *
     * @param reason for the observatory's records, e.g. "poste compromis"
     * @throws KeyOperationException with the observatory's problem slug; the key stays in use unless it says otherwise
     */
    public KeyRevocation revokeKey(String reason) throws KeyOperationException {
        if (runtime == null) {
            throw new KeyOperationException("sdk-disabled", 0, "Le SDK est désactivé / The SDK is disabled: " + disabledReason, null);
        }
        return runtime.revokeKey(reason);
    }

    /**
     * Checks the observatory's transparency log now, between receipts: fetches its latest signed checkpoint and
     * verifies its signature and its consistency with the last checkpoint this SDK verified (which it then
     * replaces). For the agent's command line or a periodic job of the host.
     *
     * @return the observatory's latest checkpoint, verified
     * @throws LogInconsistencyException if the observatory presented incompatible versions of its log, now or before
     * @throws LogVerificationException  if the check cannot be made (disabled SDK, no log key, network, bad signature)
     */
    public Checkpoint checkLog() throws LogVerificationException {
        if (runtime == null) {
            throw new LogVerificationException("Le SDK est désactivé / The SDK is disabled: " + disabledReason, null);
        }
        return runtime.checkLog();
    }

    /**
     * The next declaration exactly as it would leave now, without signing or sending it: for the DPO. It covers the
     * open period (or, before enrolment, the oldest period waiting). Its counts grow until the period closes, and its
     * id and issuedAt are only fixed then; every field and the encoding are those of the real thing.
     *
     * @return empty when the SDK is disabled or the store fails
     */
    public Optional<DeclarationPreview> preview() {
        if (runtime == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(runtime.preview());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "preview failed: " + e.getMessage(), e);
            return Optional.empty();
        }
    }

    /**
     * Declares the open period now, with the counts so far (after any period that ended and was not yet declared),
     * signs it and queues it for sending. For the agent's command line and for demonstrations.
     *
     * <p>The period is then done for good: a period is never declared twice. Counts recorded afterwards, even on the
     * same calendar days, go to the <em>following</em> period and are declared when that one ends. Calling this
     * twice in the same week therefore declares this week, then the next one ahead of time.
     *
     * @return the declaration queued
     * @throws IllegalStateException when the SDK is disabled, closed or not enrolled, or the store fails
     */
    public DeclarationPreview closePeriodNow() {
        if (runtime == null) {
            throw new IllegalStateException("the observatory SDK is disabled: " + disabledReason);
        }
        return runtime.closePeriodNow();
    }

    /** Where the SDK stands: enrolment, outbox, last receipt, last error, losses. Never throws. */
    public SdkStatus status() {
        if (runtime == null) {
            return SdkStatus.disabled(disabledReason);
        }
        try {
            return runtime.status();
        } catch (RuntimeException e) {
            return new SdkStatus(true, null, null, null, null, 0, 0, 0, null,
                    "the local store cannot be read: " + e.getMessage(), null, null, null);
        }
    }

    /**
     * The declarations of the outbox, in chain order, each with its state, the JWS as sent and, once the observatory
     * acknowledged it, its receipt: the evidence anyone can check with {@code observatoire-audit verify-receipt}
     * (with {@link #logKey()}). Sent declarations stay in the store. For the agent's {@code receipts} command.
     *
     * @return empty for a disabled SDK
     * @throws IllegalStateException when the SDK is closed or the store cannot be read
     */
    public List<OutboxDeclaration> outbox() {
        return runtime == null ? List.of() : runtime.outbox();
    }

    /**
     * The C2SP verifier key of the observatory's transparency log with which this SDK checks receipts: the pinned
     * {@code observatoire.log-key}, else the key received at enrolment. Empty before enrolment, for an observatory
     * without a log, and for a disabled SDK.
     */
    public Optional<String> logKey() {
        return runtime == null ? Optional.empty() : runtime.logKey();
    }

    /** The configuration in use; empty for a disabled SDK. */
    public Optional<SdkConfig> config() {
        return runtime == null ? Optional.empty() : Optional.of(runtime.config());
    }

    /** Each plugin of {@value PluginSettings#ENABLED}: running, failing (and why), or disabled (and why). Never throws. */
    public List<PluginStatus> pluginStatus() {
        if (runtime == null) {
            return List.of();
        }
        try {
            return runtime.pluginStatus();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "plugin status failed: " + e.getMessage(), e);
            return List.of();
        }
    }

    /** {@link #pullNow(String, PullProgress)} without progress. */
    public PluginStatus pullNow(String plugin) {
        return pullNow(plugin, PullProgress.NONE);
    }

    /**
     * Pulls a pull plugin now, on the calling thread (after its pull in progress, if any), and commits the result
     * with its cursor; for the agent's {@code run --once} and for tests. A failure of the plugin does not throw: it
     * is counted and reported as on a scheduled pull, and the status returned says it.
     *
     * @return the plugin's status after the pull; a disabled plugin is not pulled and its status says why
     * @throws IllegalArgumentException if no enabled plugin has that name, or it is a push plugin
     * @throws IllegalStateException    when the SDK is disabled or closed
     */
    public PluginStatus pullNow(String plugin, PullProgress progress) {
        if (runtime == null) {
            throw new IllegalStateException("the observatory SDK is disabled: " + disabledReason);
        }
        return runtime.pullNow(plugin, progress == null ? PullProgress.NONE : progress);
    }

    private void startPlugins(PluginSettings settings) {
        try {
            runtime.startPlugins(settings, this);
        } catch (RuntimeException e) {
            // Plugins never keep the SDK (nor the host) from starting.
            LOG.log(Level.WARNING, "The observatory plugins could not be started: " + e.getMessage(), e);
        }
    }

    private static void guard(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // Defensive: the recorder is memory-only and should not throw, but the host must never see it if it does.
            LOG.log(Level.DEBUG, "recording failed: " + e, e);
        }
    }

    /**
     * Builds an {@link ObservatoireSdk}. The common settings have their own methods; every other one is on
     * {@link SdkConfig.Builder} through {@link #config(Consumer)}. Defaults are those of {@link SdkConfig}.
     */
    public static final class Builder {
        private SdkConfig.Builder config = SdkConfig.builder();
        private Clock clock = Clock.systemUTC();
        private DataSource dataSource;
        private DoubleSupplier random;
        private PluginSettings plugins = PluginSettings.none();

        private Builder() {
        }

        /** Replaces the whole configuration with one built by hand ({@link SdkConfig#builder()}). */
        public Builder config(SdkConfig sdkConfig) {
            this.config = sdkConfig.toBuilder();
            return this;
        }

        /** Adjusts any setting, e.g. {@code b -> b.http(...)}. */
        public Builder config(Consumer<SdkConfig.Builder> adjust) {
            adjust.accept(config);
            return this;
        }

        public Builder endpoint(URI endpoint) {
            config.endpoint(endpoint);
            return this;
        }

        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(endpoint));
        }

        public Builder declarant(Declarant declarant) {
            config.declarant(declarant);
            return this;
        }

        public Builder dataDir(Path dataDir) {
            config.dataDir(dataDir);
            return this;
        }

        public Builder periodKind(PeriodKind kind) {
            config.period(kind);
            return this;
        }

        public Builder zone(ZoneId zone) {
            config.zone(zone);
            return this;
        }

        public Builder checkpointInterval(Duration interval) {
            config.checkpointInterval(interval);
            return this;
        }

        public Builder periodCheckInterval(Duration interval) {
            config.periodCheckInterval(interval);
            return this;
        }

        public Builder maxSeries(int maxSeries) {
            config.maxSeries(maxSeries);
            return this;
        }

        public Builder shutdownHook(boolean install) {
            config.shutdownHook(install);
            return this;
        }

        public Builder enabled(boolean enabled) {
            config.enabled(enabled);
            return this;
        }

        public Builder onInvalidConfig(SdkConfig.OnInvalidConfig policy) {
            config.onInvalidConfig(policy);
            return this;
        }

        /** The clock of periods and timestamps; the system UTC clock by default. For tests and simulations. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Stores in the host's database instead of the SQLite file of the data directory (which still holds the
         * keys). The schema is created in it at start.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** The source of retry jitter, uniform in [0, 1); for tests. */
        /** The plugins to run ({@link PluginSettings#fromConfig} reads them from MicroProfile Config); none by default. */
        public Builder plugins(PluginSettings settings) {
            this.plugins = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder jitter(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        /**
         * Validates the configuration and starts the SDK (store opened, threads started).
         *
         * @throws InvalidConfigException if the configuration is invalid (each problem names its key), unless the
         *                                policy is NOOP, in which case the SDK returned is disabled
         * @throws IllegalStateException  if the SDK cannot start for another reason (the store cannot be opened),
         *                                under the same NOOP exception
         */
        public ObservatoireSdk build() {
            try {
                SdkConfig sdkConfig = config.build();
                if (!sdkConfig.enabled()) {
                    LOG.log(Level.INFO, "The observatory SDK is disabled (" + SdkConfig.Keys.ENABLED + "=false).");
                    return new ObservatoireSdk(null, SdkConfig.Keys.ENABLED + "=false", false);
                }
                ObservatoireSdk sdk = new ObservatoireSdk(SdkRuntime.start(sdkConfig, clock, dataSource, random), null,
                        sdkConfig.shutdownHook());
                sdk.startPlugins(plugins);
                return sdk;
            } catch (RuntimeException | LinkageError e) {
                // A LinkageError is a dependency conflict with the host: handled by the policy, never thrown raw.
                RuntimeException failure = e instanceof LinkageError linkage ? DependencyConflict.explain(linkage) : (RuntimeException) e;
                if (config.onInvalidConfigPolicy() == SdkConfig.OnInvalidConfig.NOOP) {
                    return disabledAfterFailure(failure);
                }
                if (failure instanceof InvalidConfigException) {
                    throw failure;
                }
                throw new IllegalStateException("The observatory SDK cannot start: " + failure.getMessage(), failure);
            }
        }
    }
}
