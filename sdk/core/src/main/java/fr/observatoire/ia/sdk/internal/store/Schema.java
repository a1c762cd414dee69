package fr.observatoire.ia.sdk.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema, created and upgraded at start. Versions are numbered in a {@code schema_version} table
 * rather than SQLite's {@code PRAGMA user_version} because a host may hand us another database through a
 * DataSource. The SQL is the portable subset (VARCHAR, BIGINT, INTEGER; no upsert syntax) for the same reason.
 * Dates are ISO {@code yyyy-MM-dd} strings and instants epoch milliseconds: both sort and compare as stored.
 */
public final class Schema {
    /** Each entry upgrades from the version of its index to the next; never edit a released entry, append. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            // Counts drained from memory, per period; deleted in the transaction that declares them.
            "CREATE TABLE activity_count (period_start VARCHAR(10) NOT NULL, usage_id VARCHAR(64) NOT NULL,"
                    + " service VARCHAR(40) NOT NULL, action VARCHAR(40) NOT NULL, count BIGINT NOT NULL,"
                    + " PRIMARY KEY (period_start, usage_id, service, action))",
            "CREATE TABLE incident_count (period_start VARCHAR(10) NOT NULL, category VARCHAR(40) NOT NULL,"
                    + " severity VARCHAR(4) NOT NULL, count BIGINT NOT NULL, PRIMARY KEY (period_start, category, severity))",
            // Pseudonyms (HMAC with the local secret) of active agents; only a band per usage ever leaves.
            "CREATE TABLE agent_seen (period_start VARCHAR(10) NOT NULL, usage_id VARCHAR(64) NOT NULL,"
                    + " pseudonym VARCHAR(64) NOT NULL, PRIMARY KEY (period_start, usage_id, pseudonym))",
            // Periods during which the SDK ran at least once: a period with none is declared with a failed source.
            "CREATE TABLE period_alive (period_start VARCHAR(10) NOT NULL PRIMARY KEY)",
            "CREATE TABLE reported_incident (id VARCHAR(36) NOT NULL PRIMARY KEY, json VARCHAR(8000) NOT NULL,"
                    + " queued_at BIGINT NOT NULL)",
            "CREATE TABLE source_report (name VARCHAR(64) NOT NULL PRIMARY KEY, json VARCHAR(2000) NOT NULL)",
            "CREATE TABLE loss (reason VARCHAR(40) NOT NULL, source VARCHAR(64) NOT NULL, count BIGINT NOT NULL,"
                    + " PRIMARY KEY (reason, source))",
            // Every version of the inventory is kept: it is small and it is the register's history.
            "CREATE TABLE inventory (version INTEGER NOT NULL PRIMARY KEY, json VARCHAR(1000000) NOT NULL,"
                    + " declared_at BIGINT NOT NULL)",
            "CREATE TABLE chain_state (id INTEGER NOT NULL PRIMARY KEY, last_sequence BIGINT NOT NULL,"
                    + " last_hash VARCHAR(71), declared_through VARCHAR(10), tracking_since VARCHAR(10))",
            "INSERT INTO chain_state (id, last_sequence) VALUES (1, 0)",
            "CREATE TABLE enrolment (kid VARCHAR(64) NOT NULL PRIMARY KEY, siren VARCHAR(9) NOT NULL,"
                    + " enrolled_at BIGINT NOT NULL, declarations_url VARCHAR(2000))",
            "CREATE TABLE outbox (declaration_id VARCHAR(36) NOT NULL PRIMARY KEY, sequence BIGINT NOT NULL UNIQUE,"
                    + " period_start VARCHAR(10) NOT NULL, payload_hash VARCHAR(71) NOT NULL, jws VARCHAR(1000000) NOT NULL,"
                    + " state VARCHAR(12) NOT NULL, attempts INTEGER NOT NULL, created_at BIGINT NOT NULL,"
                    + " last_attempt_at BIGINT, last_error VARCHAR(2000))",
            "CREATE INDEX outbox_state ON outbox (state, sequence)",
            "CREATE TABLE receipt (declaration_id VARCHAR(36) NOT NULL PRIMARY KEY, sequence BIGINT NOT NULL,"
                    + " declaration_hash VARCHAR(71) NOT NULL, received_at BIGINT NOT NULL, json VARCHAR(8000) NOT NULL)"),
            // Version 2: the transparency log and key lifecycle (docs/protocol.md, client behaviour).
            List.of(
                    // Earlier signatures of a pending declaration re-signed after a key rotation, one a line: the
                    // observatory may have logged one of them, and its receipt then proves that leaf.
                    "ALTER TABLE outbox ADD COLUMN previous_jws VARCHAR(1000000)",
                    // The verified checkpoint each receipt led to, next to the receipt.
                    "ALTER TABLE receipt ADD COLUMN log_index BIGINT",
                    "ALTER TABLE receipt ADD COLUMN checkpoint VARCHAR(8000)",
                    "ALTER TABLE enrolment ADD COLUMN retired_at BIGINT",
                    "ALTER TABLE enrolment ADD COLUMN revoked_at BIGINT",
                    "ALTER TABLE enrolment ADD COLUMN revocation_reason VARCHAR(2000)",
                    // The observatory's log key and the latest checkpoint verified consistent with every earlier one.
                    "CREATE TABLE log_state (id INTEGER NOT NULL PRIMARY KEY, log_key VARCHAR(400), checkpoint VARCHAR(8000),"
                            + " tree_size BIGINT, verified_at BIGINT)",
                    "INSERT INTO log_state (id) VALUES (1)",
                    // Evidence of an observatory that showed two incompatible versions of its log: kept for good.
                    "CREATE TABLE log_inconsistency (id INTEGER NOT NULL PRIMARY KEY, detected_at BIGINT NOT NULL,"
                            + " trusted_checkpoint VARCHAR(8000) NOT NULL, presented_checkpoint VARCHAR(8000) NOT NULL,"
                            + " proof VARCHAR(8000), detail VARCHAR(2000) NOT NULL)",
                    // Conditions a person must see (status, ERROR log), raised and cleared by the parts that detect them.
                    "CREATE TABLE alarm (kind VARCHAR(40) NOT NULL PRIMARY KEY, message VARCHAR(2000) NOT NULL,"
                            + " declaration_id VARCHAR(36), raised_at BIGINT NOT NULL)"),
            // Version 3: the inventory per source (host and plugins), merged into the inventory declared.
            List.of(
                    "CREATE TABLE inventory_source (source VARCHAR(64) NOT NULL PRIMARY KEY, json VARCHAR(1000000) NOT NULL)",
                    // What the host declared so far is its own entry ('@host', a name no plugin can take).
                    "INSERT INTO inventory_source (source, json) SELECT '@host', json FROM inventory"
                            + " WHERE version = (SELECT MAX(version) FROM inventory)"),
            // Version 4: each pull plugin's cursor, committed with the counts it produced, and its health.
            List.of(
                    "CREATE TABLE plugin_state (name VARCHAR(64) NOT NULL PRIMARY KEY, pull_cursor VARCHAR(1000000),"
                            + " last_success BIGINT, last_failure BIGINT, last_problem VARCHAR(2000),"
                            + " consecutive_failures INTEGER NOT NULL, last_records BIGINT NOT NULL)"));

    private Schema() {
    }

    public static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Creates or upgrades the schema; refuses a store written by a newer SDK rather than corrupting it. */
    public static void migrate(Database database) {
        database.inTransaction(connection -> {
            int current = currentVersion(connection);
            if (current > latestVersion()) {
                throw new SQLException("the store has schema version " + current + ", newer than this SDK knows ("
                        + latestVersion() + "): upgrade the SDK, or point it at another data directory");
            }
            try (Statement statement = connection.createStatement()) {
                for (int version = current; version < latestVersion(); version++) {
                    for (String sql : MIGRATIONS.get(version)) {
                        statement.executeUpdate(sql);
                    }
                }
                statement.executeUpdate("DELETE FROM schema_version");
                statement.executeUpdate("INSERT INTO schema_version (version) VALUES (" + latestVersion() + ")");
            }
            return null;
        });
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            try (ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }
}
