package fr.observatoire.ia.sdk.testing;

import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.SdkConfig;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.store.OutboxTables;
import fr.observatoire.ia.sdk.internal.store.SqliteDataSources;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Builders with test-sized intervals, and helpers to look into a data directory. */
public final class Sdks {
    private Sdks() {
    }

    public static ObservatoireSdk.Builder builder(Path dataDir, Clock clock, String endpoint) {
        return ObservatoireSdk.builder()
                .endpoint(endpoint)
                .declarant(TestData.NICE)
                .dataDir(dataDir)
                .clock(clock)
                .checkpointInterval(Duration.ofMillis(20))
                .periodCheckInterval(Duration.ofMillis(20))
                .shutdownHook(false)
                .jitter(() -> 0.5)
                .config(b -> b.retry(new SdkConfig.Retry(Duration.ofMillis(20), Duration.ofMillis(200), 2.0))
                        .shutdownTimeout(Duration.ofSeconds(2))
                        .http(new SdkConfig.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), null, null, null, null, null)));
    }

    /** The outbox of a data directory (read through a second connection: WAL lets us read while the SDK runs). */
    public static List<OutboxEntry> outbox(Path dataDir) {
        return store(dataDir).inTransaction(OutboxTables::all);
    }

    /** The store of a data directory, through a second connection. */
    public static Database store(Path dataDir) {
        return Database.borrowingConnections(SqliteDataSources.forFile(dataDir.resolve(SqliteDataSources.FILE_NAME)));
    }

    public static void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
