package fr.observatoire.ia.sdk.internal;

import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.SdkStatus;
import fr.observatoire.ia.sdk.internal.counters.LossKey;
import fr.observatoire.ia.sdk.internal.counters.Recorder;
import fr.observatoire.ia.sdk.internal.declare.PeriodCalendar;
import fr.observatoire.ia.sdk.internal.declare.PeriodTables;
import fr.observatoire.ia.sdk.internal.enrol.Credentials;
import fr.observatoire.ia.sdk.internal.store.AlarmTables;
import fr.observatoire.ia.sdk.internal.store.ChainState;
import fr.observatoire.ia.sdk.internal.store.ChainTables;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.store.OutboxTables;
import fr.observatoire.ia.sdk.internal.trust.CheckpointWitness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assembles {@link SdkStatus} from the store and memory. */
final class StatusReader {
    private StatusReader() {
    }

    static SdkStatus read(Database database, Credentials credentials, PeriodCalendar calendar, Recorder recorder, Health health,
                          CheckpointWitness witness) {
        record Snapshot(ChainState chain, Map<OutboxEntry.State, Long> counts, Receipt receipt, Map<LossKey, Long> losses,
                        List<Alarm> alarms) {
        }
        Snapshot snapshot = database.inTransaction(connection -> {
            return new Snapshot(ChainTables.read(connection), OutboxTables.countByState(connection),
                    OutboxTables.lastReceipt(connection).orElse(null), PeriodTables.losses(connection), AlarmTables.all(connection));
        });
        Checkpoint checkpoint = witness.trusted().orElse(null);
        Map<LossKey, Long> losses = new HashMap<>(snapshot.losses());
        recorder.pendingLosses().forEach((key, count) -> losses.merge(key, count, Long::sum));
        List<LossCount> lossCounts = new ArrayList<>();
        losses.forEach((key, count) -> lossCounts.add(new LossCount(key.reason(), key.source(), count)));
        lossCounts.sort(Comparator.comparing(LossCount::reason).thenComparing(LossCount::source));
        return new SdkStatus(true, null, credentials.enrolledKey().map(SigningKey::kid).orElse(null),
                calendar.receiving(snapshot.chain()), snapshot.chain().declaredThrough(),
                snapshot.counts().get(OutboxEntry.State.PENDING), snapshot.counts().get(OutboxEntry.State.SENT),
                snapshot.counts().get(OutboxEntry.State.QUARANTINED), snapshot.receipt(), health.lastError(), lossCounts,
                checkpoint, snapshot.alarms());
    }
}
