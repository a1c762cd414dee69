package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.sdk.internal.store.Schema;
import fr.observatoire.ia.sdk.internal.store.SqliteDataSources;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreTest {
    @TempDir
    Path dir;

    @Test
    void a_host_data_source_receives_the_schema_and_the_counts() throws Exception {
        Path hostDb = dir.resolve("host.db");
        javax.sql.DataSource dataSource = SqliteDataSources.forFile(hostDb);
        Path dataDir = Files.createDirectory(dir.resolve("data"));
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9")
                .dataSource(dataSource).build()) {
            sdk.activity("u", Service.FINANCE, ActionKind.PROMPT).add(3);
            assertThat(sdk.flush(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(dataDir.resolve(SqliteDataSources.FILE_NAME)).doesNotExist();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SUM(count) FROM activity_count")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(3);
        }
    }

    @Test
    void close_checkpoints_what_was_recorded_so_a_graceful_shutdown_loses_nothing() {
        ObservatoireSdk sdk = Sdks.builder(dir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9")
                .checkpointInterval(Duration.ofHours(1)).build();
        sdk.declareInventory(TestData.inventory("u"));
        sdk.activity("u", Service.FINANCE, ActionKind.PROMPT).add(17);
        sdk.close();
        try (ObservatoireSdk reopened = Sdks.builder(dir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9")
                .checkpointInterval(Duration.ofHours(1)).build()) {
            assertThat(reopened.preview().orElseThrow().declaration().activity())
                    .singleElement().satisfies(count -> assertThat(count.count()).isEqualTo(17));
        }
    }

    @Test
    void two_sdks_cannot_share_a_data_directory() {
        try (ObservatoireSdk first = Sdks.builder(dir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9").build()) {
            assertThatThrownBy(() -> Sdks.builder(dir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9").build())
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("observatoire.data-dir").hasMessageContaining("already used");
            assertThat(first.isEnabled()).isTrue();
        }
        // Released on close.
        try (ObservatoireSdk again = Sdks.builder(dir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9").build()) {
            assertThat(again.isEnabled()).isTrue();
        }
    }

    @Test
    void the_sqlite_store_runs_in_wal_mode_and_knows_its_schema_version() throws Exception {
        try (ObservatoireSdk sdk = Sdks.builder(dir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9").build()) {
            try (Connection connection = SqliteDataSources.forFile(dir.resolve(SqliteDataSources.FILE_NAME)).getConnection();
                 Statement statement = connection.createStatement()) {
                try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                    mode.next();
                    assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
                }
                try (ResultSet version = statement.executeQuery("SELECT version FROM schema_version")) {
                    version.next();
                    assertThat(version.getInt(1)).isEqualTo(Schema.latestVersion());
                }
            }
        }
    }
}
