package fr.observatoire.ia.sdk;

import java.time.Instant;
import java.util.UUID;

/**
 * A condition of trust or delivery that needs a person, shown by {@link SdkStatus#alarms()} and logged at ERROR
 * when raised. Alarms are kept in the store, so a restart does not hide them; each is cleared by the event that
 * resolves it (a verified receipt, a completed rotation, a new enrolment), except {@link Kind#LOG_INCONSISTENT}.
 *
 * @param kind           what is wrong
 * @param message        what happened and what to do, in French then English
 * @param declarationId  the declaration concerned, or null
 * @param since          when it was first raised
 */
public record Alarm(Kind kind, String message, UUID declarationId, Instant since) {

    public enum Kind {
        /**
         * The observatory presented two incompatible versions of its transparency log (two checkpoints that no
         * consistency proof links). Persistent: the evidence is kept in the store, the last good checkpoint stays.
         */
        LOG_INCONSISTENT,
        /** A receipt did not verify (proof, checkpoint signature, fields): the declaration is not acknowledged. */
        RECEIPT_UNVERIFIED,
        /** The observatory says the signing key was retired by a rotation this SDK has not completed. */
        KEY_RETIRED,
        /** The signing key was revoked: enrol again with a new code. */
        KEY_REVOKED,
        /** The observatory says declarations are issued in the future: the local clock is ahead (NTP). */
        CLOCK_AHEAD,
        /** The observatory waits for an earlier declaration of the chain before it takes the next one. */
        SEQUENCE_GAP
    }
}
