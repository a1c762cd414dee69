package fr.observatoire.ia.sdk.internal.plugins;

import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.sdk.internal.counters.ActivityKey;
import fr.observatoire.ia.sdk.internal.counters.CheckpointBatch;
import fr.observatoire.ia.sdk.internal.counters.CounterTables;
import fr.observatoire.ia.sdk.internal.counters.IncidentKey;
import fr.observatoire.ia.sdk.internal.counters.LossKey;
import fr.observatoire.ia.sdk.internal.counters.Recorder;
import fr.observatoire.ia.sdk.internal.declare.PeriodCalendar;
import fr.observatoire.ia.sdk.internal.plugins.PluginStateTables.StoredState;
import fr.observatoire.ia.sdk.internal.store.ChainTables;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.spi.PullBatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes what pulls produce. A batch goes into the same per-period tables as a checkpoint, its usages into the
 * plugin's inventory contribution, its report and its losses into the next declaration's provenance, and its
 * cursor into {@code plugin_state}: all in one transaction, so that a crash before the commit leaves the cursor
 * where it was (the same batch is pulled again) and a crash after it leaves nothing to redo.
 *
 * <p>The plugin's report covers every pull since the last declaration: OK while every pull succeeded, DEGRADED
 * once one failed, FAILED while none succeeded, and then a {@code SOURCE_FAILURE} loss counts the failed pulls.
 */
final class PullCommitter {
    private final Database database;
    private final PeriodCalendar calendar;
    private final Recorder recorder;
    private final Clock clock;

    PullCommitter(Database database, PeriodCalendar calendar, Recorder recorder, Clock clock) {
        this.database = database;
        this.calendar = calendar;
        this.recorder = recorder;
        this.clock = clock;
    }

    StoredState state(String name) {
        return database.inTransaction(connection -> PluginStateTables.read(connection, name));
    }

    /** @throws fr.observatoire.ia.sdk.internal.store.StoreException if the store refuses: then nothing was written */
    void commit(String name, String version, PullBatch batch) {
        // Pseudonymised before the transaction (CPU work, no need to hold the store) and exactly as agentActive does.
        Map<String, List<String>> agents = pseudonymise(batch.agents());
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            SourceReport report = extend(connection, name, version, batch.records(), null);
            PluginStateTables.clearSourceFailure(connection, name);
            write(connection, new CheckpointBatch(activity(batch), incidents(batch), agents, losses(name, batch.losses()),
                    List.of(), null, List.of(report), batch.usages().isEmpty() ? Map.of() : Map.of(name, batch.usages())), now);
            // Last, so that a failure anywhere above rolls the counts back with it.
            PluginStateTables.saveSuccess(connection, name, batch.cursor(), batch.records(), now);
            return null;
        });
    }

    /** A failed pull: counted and reported, cursor untouched. @return the failures since the last success */
    int recordFailure(String name, String version, String problem) {
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            reportFailure(connection, name, version, problem, now);
            return PluginStateTables.saveFailure(connection, name, problem, now);
        });
    }

    /** A plugin that cannot run: reported FAILED in the declaration being prepared, unless it already is. */
    void reportDisabled(String name, String version, String problem) {
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            if (PluginStateTables.report(connection, name).isEmpty()) {
                reportFailure(connection, name, version, problem, now);
            }
            return null;
        });
    }

    private void reportFailure(Connection connection, String name, String version, String problem, Instant now)
            throws SQLException {
        SourceReport report = extend(connection, name, version, 0, problem);
        Map<LossKey, Long> loss = report.status() == SourceStatus.FAILED
                ? Map.of(new LossKey(LossReason.SOURCE_FAILURE, name), 1L) : Map.of();
        write(connection, new CheckpointBatch(Map.of(), Map.of(), Map.of(), loss, List.of(), null, List.of(report), Map.of()), now);
    }

    /** The plugin's report of the period extended with one pull: {@code problem} null for a success. */
    private static SourceReport extend(Connection connection, String name, String version, long records, String problem)
            throws SQLException {
        SourceReport before = PluginStateTables.report(connection, name).orElse(null);
        long total = (before == null ? 0 : before.records()) + records;
        SourceStatus status;
        String reason;
        if (problem == null) {
            status = before == null || before.status() == SourceStatus.OK ? SourceStatus.OK : SourceStatus.DEGRADED;
            reason = status == SourceStatus.OK ? null : before.problem();
        } else {
            status = before == null || before.status() == SourceStatus.FAILED ? SourceStatus.FAILED : SourceStatus.DEGRADED;
            reason = Failures.truncate(problem);
        }
        return new SourceReport(name, truncate(version), status, total, reason);
    }

    private void write(Connection connection, CheckpointBatch batch, Instant now) throws SQLException {
        Period receiving = calendar.receiving(ChainTables.read(connection));
        CounterTables.write(connection, receiving.start(), batch, now);
        CounterTables.markAlive(connection, receiving.start());
    }

    private Map<String, List<String>> pseudonymise(Map<String, Set<String>> agents) {
        Map<String, List<String>> pseudonyms = new HashMap<>();
        agents.forEach((usageId, ids) -> {
            Set<String> distinct = new LinkedHashSet<>();
            ids.forEach(id -> distinct.add(recorder.pseudonym(id)));
            pseudonyms.put(usageId, new ArrayList<>(distinct));
        });
        return pseudonyms;
    }

    private static Map<ActivityKey, Long> activity(PullBatch batch) {
        Map<ActivityKey, Long> activity = new HashMap<>();
        batch.activity().forEach((key, count) ->
                activity.merge(new ActivityKey(key.usageId(), key.service(), key.action()), count, Long::sum));
        return activity;
    }

    /** The store keeps incidents per category and severity: the usage a plugin names is not declared. */
    private static Map<IncidentKey, Long> incidents(PullBatch batch) {
        Map<IncidentKey, Long> incidents = new HashMap<>();
        batch.incidents().forEach((key, count) ->
                incidents.merge(new IncidentKey(key.category(), key.severity()), count, Long::sum));
        return incidents;
    }

    /** Losses are charged to the plugin, whatever source it wrote: one plugin cannot blame another or the SDK. */
    private static Map<LossKey, Long> losses(String name, List<LossCount> losses) {
        Map<LossKey, Long> byReason = new HashMap<>();
        losses.stream().filter(loss -> loss.count() > 0)
                .forEach(loss -> byReason.merge(new LossKey(loss.reason(), name), loss.count(), Long::sum));
        return byReason;
    }

    private static String truncate(String version) {
        return version == null || version.length() <= 64 ? version : version.substring(0, 64);
    }
}
