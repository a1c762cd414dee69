package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;

import java.time.LocalDate;
import java.util.List;

/**
 * A snapshot of the SDK's state, for an operator or a health check. Nullable fields are null when there
 * is nothing to show yet.
 *
 * @param enabled                  false for a disabled SDK (then every other field is empty)
 * @param disabledReason           why the SDK is disabled, or null
 * @param enrolledKid              the kid (RFC 7638 thumbprint) of the enrolled signing key, or null before enrolment
 * @param openPeriod               the period that counts recorded now go to
 * @param declaredThrough          end (exclusive) of the last declared period, or null before the first declaration
 * @param pendingDeclarations      signed declarations waiting in the outbox to be sent
 * @param sentDeclarations         declarations the observatory acknowledged with a receipt
 * @param quarantinedDeclarations  declarations the observatory refused (4xx), kept in the store as evidence
 * @param lastReceipt              the receipt of the latest acknowledged declaration, or null
 * @param lastError                the latest problem met (sending, storing), in words, or null
 * @param lossesSoFar              losses recorded since the last declaration, that the next one will report
 * @param logCheckpoint            the latest checkpoint of the observatory's transparency log that the SDK verified
 *                                 (signature, and consistency with every earlier one), or null before the first
 * @param alarms                   conditions a person must deal with (see {@link Alarm}); empty when all is well
 */
public record SdkStatus(boolean enabled, String disabledReason, String enrolledKid, Period openPeriod,
                        LocalDate declaredThrough, long pendingDeclarations, long sentDeclarations,
                        long quarantinedDeclarations, Receipt lastReceipt, String lastError, List<LossCount> lossesSoFar,
                        Checkpoint logCheckpoint, List<Alarm> alarms) {
    public SdkStatus {
        lossesSoFar = lossesSoFar == null ? List.of() : List.copyOf(lossesSoFar);
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }

    public static SdkStatus disabled(String reason) {
        return new SdkStatus(false, reason, null, null, null, 0, 0, 0, null, null, List.of(), null, List.of());
    }

    /**
     * The sentence of the {@link Alarm.Kind#LOG_INCONSISTENT} alarm ("L'observatoire a présenté deux versions
     * incompatibles de son journal…"), or null: the observatory showed two incompatible versions of its log.
     */
    public String logAlarm() {
        return alarm(Alarm.Kind.LOG_INCONSISTENT).map(Alarm::message).orElse(null);
    }

    public java.util.Optional<Alarm> alarm(Alarm.Kind kind) {
        return alarms.stream().filter(a -> a.kind() == kind).findFirst();
    }

    public boolean enrolled() {
        return enrolledKid != null;
    }
}
