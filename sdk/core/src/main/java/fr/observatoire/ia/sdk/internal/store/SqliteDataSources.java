package fr.observatoire.ia.sdk.internal.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** The default store: one SQLite file in the data directory. */
public final class SqliteDataSources {
    public static final String FILE_NAME = "observatoire.db";

    private SqliteDataSources() {
    }

    public static DataSource forFile(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers (status, preview) never block the checkpoint writer, and a commit is one sequential
        // append instead of a rollback-journal dance, so the 5-second checkpoint stays cheap.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL, not WAL's usual NORMAL: with NORMAL a commit can be lost on power failure. A commit here
        // is a signed declaration entering the outbox together with the chain state advancing; losing it
        // after the counters were deleted would lose data and fork the chain. One fsync per checkpoint
        // (every few seconds) is cheap.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        // The lock in Database serialises this process; this covers an operator's sqlite3 shell reading.
        config.setBusyTimeout(5_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }
}
