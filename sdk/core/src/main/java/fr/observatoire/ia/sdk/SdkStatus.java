package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.protocol.messages.Receipt;

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
 */
public record SdkStatus(boolean enabled, String disabledReason, String enrolledKid, Period openPeriod,
                        LocalDate declaredThrough, long pendingDeclarations, long sentDeclarations,
                        long quarantinedDeclarations, Receipt lastReceipt, String lastError, List<LossCount> lossesSoFar) {
    public SdkStatus {
        lossesSoFar = lossesSoFar == null ? List.of() : List.copyOf(lossesSoFar);
    }

    public static SdkStatus disabled(String reason) {
        return new SdkStatus(false, reason, null, null, null, 0, 0, 0, null, null, List.of());
    }

    public boolean enrolled() {
        return enrolledKid != null;
    }
}
