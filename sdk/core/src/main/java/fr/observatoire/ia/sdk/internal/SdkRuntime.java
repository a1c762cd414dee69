package fr.observatoire.ia.sdk.internal;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.sdk.DeclarationPreview;
import fr.observatoire.ia.sdk.EnrolmentException;
import fr.observatoire.ia.sdk.InvalidConfigException;
import fr.observatoire.ia.sdk.KeyOperationException;
import fr.observatoire.ia.sdk.LogVerificationException;
import fr.observatoire.ia.sdk.OutboxDeclaration;
import fr.observatoire.ia.sdk.PluginSettings;
import fr.observatoire.ia.sdk.PluginStatus;
import fr.observatoire.ia.sdk.SdkConfig;
import fr.observatoire.ia.sdk.SdkStatus;
import fr.observatoire.ia.sdk.internal.counters.Checkpointer;
import fr.observatoire.ia.sdk.internal.counters.Pseudonymizer;
import fr.observatoire.ia.sdk.internal.counters.Recorder;
import fr.observatoire.ia.sdk.internal.declare.PeriodCalendar;
import fr.observatoire.ia.sdk.internal.declare.PeriodCloser;
import fr.observatoire.ia.sdk.internal.enrol.Credentials;
import fr.observatoire.ia.sdk.internal.enrol.Enroller;
import fr.observatoire.ia.sdk.internal.enrol.KeyRevoker;
import fr.observatoire.ia.sdk.internal.enrol.KeyRotator;
import fr.observatoire.ia.sdk.internal.enrol.KeyWatch;
import fr.observatoire.ia.sdk.internal.plugins.PluginHost;
import fr.observatoire.ia.sdk.internal.sign.SigningKeyFile;
import fr.observatoire.ia.sdk.internal.store.DataDirectory;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.store.OutboxTables;
import fr.observatoire.ia.sdk.internal.store.Schema;
import fr.observatoire.ia.sdk.internal.store.SqliteDataSources;
import fr.observatoire.ia.sdk.internal.transport.HttpTransport;
import fr.observatoire.ia.sdk.internal.transport.LogClient;
import fr.observatoire.ia.sdk.internal.transport.ObservatoryClient;
import fr.observatoire.ia.sdk.internal.transport.RetryPolicy;
import fr.observatoire.ia.sdk.internal.transport.Sender;
import fr.observatoire.ia.sdk.internal.trust.Alarms;
import fr.observatoire.ia.sdk.internal.trust.CheckpointWitness;
import fr.observatoire.ia.sdk.internal.trust.LogCheck;
import fr.observatoire.ia.sdk.internal.trust.LogKeys;
import fr.observatoire.ia.sdk.internal.trust.ReceiptCheck;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;

/**
 * The running SDK: wires the parts and owns the three threads.
 * <ul>
 *   <li>{@value #CHECKPOINT_THREAD}: drains in-memory counts into the store every checkpoint interval;</li>
 *   <li>{@value #SCHEDULER_THREAD}: declares ended periods;</li>
 *   <li>{@value #SENDER_THREAD}: sends the outbox;</li>
 *   <li>{@code observatoire-plugin-<name>}: one per enabled pull plugin (see {@link PluginHost}).</li>
 * </ul>
 */
public final class SdkRuntime {
    public static final String CHECKPOINT_THREAD = "observatoire-checkpoint";
    public static final String SCHEDULER_THREAD = "observatoire-scheduler";
    public static final String SENDER_THREAD = "observatoire-sender";
    private static final Duration FLUSH_POLL = Duration.ofMillis(20);

    private final SdkConfig config;
    private final DataDirectory directory;
    private final Database database;
    private final Recorder recorder;
    private final Credentials credentials;
    private final PeriodCalendar calendar;
    private final Checkpointer checkpointer;
    private final PeriodCloser closer;
    private final Enroller enroller;
    private final CheckpointWitness witness;
    private final LogCheck logCheck;
    private final KeyRotator rotator;
    private final KeyRevoker revoker;
    private final LogKeys logKeys;
    private final HttpTransport http;
    private final Sender sender;
    private final Health health;
    private final PluginHost plugins;
    private final ScheduledExecutorService checkpointThread;
    private final ScheduledExecutorService schedulerThread;
    private final Thread senderThread;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SdkRuntime(SdkConfig config, DataDirectory directory, Database database, Recorder recorder,
                       Credentials credentials, HttpTransport http, LogKeys logKeys, Clock clock, DoubleSupplier random) {
        this.config = config;
        this.directory = directory;
        this.database = database;
        this.recorder = recorder;
        this.credentials = credentials;
        this.logKeys = logKeys;
        this.http = http;
        this.health = new Health();
        this.calendar = new PeriodCalendar(config.period(), config.zone(), clock);
        this.checkpointer = new Checkpointer(recorder, database, calendar, clock, health);
        ObservatoryClient client = new ObservatoryClient(http, config.endpoint(), clock);
        LogClient logClient = new LogClient(http, config.endpoint());
        String siren = config.declarant().siren();
        Alarms alarms = new Alarms(database, clock);
        this.witness = new CheckpointWitness(database, logClient, alarms, clock);
        this.logCheck = new LogCheck(logKeys, logClient, witness, alarms);
        this.rotator = new KeyRotator(credentials, client, database, siren, clock, alarms, this::keyChanged);
        this.revoker = new KeyRevoker(credentials, client, database, siren, clock, alarms);
        this.sender = new Sender(database, client, new RetryPolicy(config.retry(), random), health, clock,
                new ReceiptCheck(logKeys, witness, siren), new KeyWatch(credentials, rotator, revoker, database, alarms, clock), alarms);
        this.closer = new PeriodCloser(database, calendar, config.declarant(), clock, checkpointer,
                credentials::enrolledKey, sender::wakeUp, health);
        this.plugins = new PluginHost(database, calendar, recorder, clock, health);
        this.enroller = new Enroller(credentials, client, database, config.declarant(), clock, logKeys, alarms, this::keyChanged);
        this.checkpointThread = DaemonThreads.scheduler(CHECKPOINT_THREAD);
        this.schedulerThread = DaemonThreads.scheduler(SCHEDULER_THREAD);
        this.senderThread = DaemonThreads.newThread(SENDER_THREAD, sender);
    }

    /**
     * Opens the data directory and the store, and starts the threads.
     *
     * @param dataSource a host's database, or null for the SQLite file in the data directory
     * @throws InvalidConfigException when the data directory, the key file or the trust store cannot be used
     */
    public static SdkRuntime start(SdkConfig config, Clock clock, DataSource dataSource, DoubleSupplier random) {
        DataDirectory directory = DataDirectory.open(config.dataDir());
        HttpTransport http = null;
        Database database = dataSource != null ? Database.borrowingConnections(dataSource)
                : Database.keepingOneConnection(SqliteDataSources.forFile(directory.resolve(SqliteDataSources.FILE_NAME)));
        try {
            Schema.migrate(database);
            Recorder recorder = new Recorder(config.maxSeries(), Pseudonymizer.inDirectory(directory.path()));
            Credentials credentials = Credentials.load(new SigningKeyFile(directory.path()), database, config.declarant().siren());
            http = HttpTransport.create(config.http());
            LogKeys logKeys = LogKeys.load(database, new LogClient(http, config.endpoint()), config.logKey());
            SdkRuntime runtime = new SdkRuntime(config, directory, database, recorder, credentials, http, logKeys, clock,
                    random != null ? random : () -> ThreadLocalRandom.current().nextDouble());
            runtime.startThreads();
            return runtime;
        } catch (IOException e) {
            release(directory, database, http);
            throw new InvalidConfigException(SdkConfig.Keys.DATA_DIR + " " + directory.path() + ": " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError (another version of a library on the host's classpath) must not keep the store locked.
            release(directory, database, http);
            throw e;
        }
    }

    private static void release(DataDirectory directory, Database database, HttpTransport http) {
        if (http != null) {
            http.close();
        }
        database.close();
        directory.close();
    }

    private void startThreads() {
        long checkpointMillis = config.checkpointInterval().toMillis();
        checkpointThread.scheduleWithFixedDelay(DaemonThreads.guarded("checkpoint", checkpointer::checkpoint),
                checkpointMillis, Math.max(1, checkpointMillis), TimeUnit.MILLISECONDS);
        schedulerThread.scheduleWithFixedDelay(DaemonThreads.guarded("period closing", closer::closeDuePeriods),
                0, Math.max(1, config.periodCheckInterval().toMillis()), TimeUnit.MILLISECONDS);
        senderThread.start();
        Health.LOG.log(Level.INFO, "Observatory SDK started: SIREN {0}, data directory {1}, {2}.", config.declarant().siren(),
                directory.path(), credentials.enrolledKey().isPresent() ? "enrolled" : "not enrolled yet (call enrol(code))");
    }

    public SdkConfig config() {
        return config;
    }

    public Recorder recorder() {
        return recorder;
    }

    public EnrolmentResponse enrol(String code) throws EnrolmentException {
        if (closed.get()) {
            throw new EnrolmentException("sdk-closed", 0, "Le SDK est fermé / The SDK is closed.", null, null);
        }
        EnrolmentResponse response = enroller.enrol(code);
        // Periods that waited for the key can be declared now.
        try {
            schedulerThread.execute(DaemonThreads.guarded("period closing", closer::closeDuePeriods));
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: the next start declares them.
        }
        return response;
    }

    public KeyRotation.Response rotateKey() throws KeyOperationException {
        ensureOpenFor("rotateKey");
        return rotator.rotate();
    }

    public KeyRevocation revokeKey(String reason) throws KeyOperationException {
        ensureOpenFor("revokeKey");
        return revoker.revoke(reason);
    }

    public Checkpoint checkLog() throws LogVerificationException {
        ensureOpen();
        return logCheck.check();
    }

    private void ensureOpenFor(String operation) throws KeyOperationException {
        if (closed.get()) {
            throw new KeyOperationException("sdk-closed", 0, "Le SDK est fermé / The SDK is closed: " + operation + " is not possible.", null);
        }
    }

    /** A key rotation or an enrolment changed the signing key: the declaration held back may go now. */
    private void keyChanged() {
        sender.retryNow();
    }

    public DeclarationPreview preview() {
        ensureOpen();
        return closer.preview();
    }

    public DeclarationPreview closePeriodNow() {
        ensureOpen();
        return closer.closeNow();
    }

    /** After close the data directory is released: another instance may own the store, so nothing writes to it. */
    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the observatory SDK is closed");
        }
    }

    /** Starts the enabled plugins, each with {@code observatory} (the SDK facade) in its context. */
    public void startPlugins(PluginSettings settings, Observatory observatory) {
        ensureOpen();
        plugins.start(settings, observatory);
    }

    public List<PluginStatus> pluginStatus() {
        return plugins.status();
    }

    public PluginStatus pullNow(String plugin, PullProgress progress) {
        ensureOpen();
        return plugins.pullNow(plugin, progress);
    }

    public SdkStatus status() {
        return StatusReader.read(database, credentials, calendar, recorder, health, witness);
    }

    public List<OutboxDeclaration> outbox() {
        ensureOpen();
        return OutboxReader.read(database);
    }

    /** The C2SP verifier key of the observatory's log that receipts are checked with, if one is known. */
    public Optional<String> logKey() {
        return logKeys.current().map(NoteVerifier::vkey);
    }

    public boolean flush(Duration timeout) {
        if (closed.get()) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!checkpointer.checkpoint()) {
            return false;
        }
        sender.wakeUp();
        while (true) {
            long pending = database.inTransaction(OutboxTables::countByState).get(OutboxEntry.State.PENDING);
            if (pending == 0) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.min(FLUSH_POLL.toMillis(), TimeUnit.NANOSECONDS.toMillis(remaining) + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Stops the threads, each step waiting at most the shutdown timeout, with a final checkpoint so that a
     * graceful shutdown loses nothing recorded. Pending declarations stay in the outbox for the next start.
     */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long timeout = config.shutdownTimeout().toMillis();
        // Plugins first: a pull committed now still reaches the final checkpoint and the store.
        plugins.close(config.shutdownTimeout());
        stop(schedulerThread, timeout);
        // The final checkpoint runs on the checkpoint thread, after any checkpoint in progress, bounded like the rest.
        await(checkpointThread.submit(DaemonThreads.guarded("final checkpoint", checkpointer::checkpoint)), timeout);
        stop(checkpointThread, timeout);
        sender.stop();
        join(senderThread, timeout);
        // Closing the client aborts a request still in flight; that declaration stays PENDING and goes next time
        // (the observatory answers a repeat with the same receipt).
        http.close();
        join(senderThread, timeout);
        database.close();
        directory.close();
        Health.LOG.log(Level.INFO, "Observatory SDK closed.");
    }

    private static void stop(ScheduledExecutorService executor, long timeoutMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                Health.LOG.log(Level.WARNING, "An observatory SDK thread did not stop within {0} ms.", timeoutMillis);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void await(Future<?> task, long timeoutMillis) {
        try {
            task.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            Health.LOG.log(Level.WARNING, "The final checkpoint did not complete: counts of the last "
                    + "checkpoint interval may be lost (" + e + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread, long timeoutMillis) {
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
