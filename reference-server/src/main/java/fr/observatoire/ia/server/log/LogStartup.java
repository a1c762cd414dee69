package fr.observatoire.ia.server.log;

import fr.observatoire.ia.server.db.Database;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * At start-up, before any request: checks that the log's origin is the configured one, appends the
 * declarations accepted before the log existed (schema V1), and signs the current tree if it has no
 * checkpoint yet (the empty log at first start), so that there is always a checkpoint to serve.
 */
@ApplicationScoped
public class LogStartup {
    private static final Logger LOG = Logger.getLogger(LogStartup.class);
    private static final int BACKFILL_BATCH = 1000;

    private final Database database;
    private final TransparencyLog log;

    @Inject
    LogStartup(Database database, TransparencyLog log) {
        this.database = database;
        this.log = log;
    }

    void start(@Observes @Priority(1) StartupEvent event) {
        prepare();
    }

    /** Idempotent: does nothing on a log that is up to date. */
    public void prepare() {
        long backfilled = 0;
        int appended;
        do {
            appended = database.inTransaction(connection -> {
                TransparencyLog.Appender appender = log.lock(connection);
                List<LogEntry> entries = log.declarationsOutsideTheLog(connection, BACKFILL_BATCH);
                appender.append(entries);
                return entries.size();
            });
            backfilled += appended;
        } while (appended == BACKFILL_BATCH);
        if (backfilled > 0) {
            LOG.infof("appended %d declarations accepted before the transparency log existed", backfilled);
        }
        Optional<SignedCheckpoint> signed = database.inTransaction(connection -> log.lock(connection).signIfUnsigned());
        signed.ifPresent(checkpoint -> LOG.infof("signed the checkpoint of the log's tree of size %d", checkpoint.size()));
    }
}
