package fr.observatoire.ia.agent;

import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.SdkStatus;

import java.time.Duration;
import java.util.Optional;

/** Sends the outbox and turns the outcome into words and an exit status; shared by {@code flush} and {@code close-period}. */
final class Sending {
    private static final long POLL_MILLIS = 50;
    private static final String KEY_MARK = "Key: ";

    private Sending() {
    }

    /**
     * @throws AgentException NOT_ENROLLED, saying whether the collectivité never enrolled or its key was revoked (then
     *                        it needs a new enrolment code from the observatory)
     */
    static void requireEnrolled(ObservatoireSdk sdk, Messages messages) {
        SdkStatus status = sdk.status();
        if (!status.enrolled()) {
            throw new AgentException(ExitCode.NOT_ENROLLED, messages.get(status.alarm(Alarm.Kind.KEY_REVOKED).isPresent()
                    ? "error.key.revoked" : "error.not.enrolled"));
        }
    }

    /**
     * Sends what waits, for at most {@code timeout}; returns early when the observatory refused a declaration or its
     * key, since waiting longer would not send it.
     *
     * @throws AgentException REFUSED if the observatory quarantined a declaration or refused the signing key (revoked,
     *                        or retired by a rotation not finished here), FAILURE if some are still waiting
     */
    static String send(ObservatoireSdk sdk, Duration timeout, Messages messages) {
        long quarantinedBefore = sdk.status().quarantinedDeclarations();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean empty = sdk.flush(Duration.ZERO);
        SdkStatus after = sdk.status();
        while (!empty && after.quarantinedDeclarations() == quarantinedBefore && keyRefused(after).isEmpty()
                && System.nanoTime() < deadline) {
            sleep();
            after = sdk.status();
            empty = after.pendingDeclarations() == 0;
        }
        if (after.quarantinedDeclarations() > quarantinedBefore) {
            throw new AgentException(ExitCode.REFUSED, messages.get("send.quarantined",
                    after.quarantinedDeclarations() - quarantinedBefore, after.lastError()));
        }
        if (!empty) {
            Optional<Alarm> refused = keyRefused(after);
            if (refused.isPresent()) {
                throw new AgentException(ExitCode.REFUSED, messages.get(refused.get().kind() == Alarm.Kind.KEY_REVOKED
                        ? "send.key.revoked" : "send.key.retired", after.pendingDeclarations(), keyOf(refused.get())));
            }
            throw new AgentException(ExitCode.FAILURE, messages.get("send.pending", after.pendingDeclarations(), timeout,
                    after.lastError() == null ? "-" : after.lastError()));
        }
        return after.lastReceipt() == null ? messages.get("send.nothing")
                : messages.get("send.done", after.sentDeclarations(), after.lastReceipt().sequence());
    }

    /** The observatory refused the signing key itself: the declarations wait for a person (re-enrol, finish a rotation). */
    private static Optional<Alarm> keyRefused(SdkStatus status) {
        return status.alarm(Alarm.Kind.KEY_REVOKED).or(() -> status.alarm(Alarm.Kind.KEY_RETIRED));
    }

    /**
     * The key an alarm is about: its bilingual sentence (already logged by the SDK) ends with {@code Key: <kid> (…).};
     * the whole sentence if it does not.
     */
    static String keyOf(Alarm alarm) {
        int at = alarm.message().lastIndexOf(KEY_MARK);
        String key = at < 0 ? alarm.message() : alarm.message().substring(at + KEY_MARK.length()).strip();
        return key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(ExitCode.FAILURE, "interrupted");
        }
    }
}
