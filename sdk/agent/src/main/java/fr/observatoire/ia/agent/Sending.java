package fr.observatoire.ia.agent;

import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.SdkStatus;

import java.time.Duration;

/** Sends the outbox and turns the outcome into words and an exit status; shared by {@code flush} and {@code close-period}. */
final class Sending {
    private Sending() {
    }

    static void requireEnrolled(ObservatoireSdk sdk, Messages messages) {
        if (!sdk.status().enrolled()) {
            throw new AgentException(ExitCode.NOT_ENROLLED, messages.get("error.not.enrolled"));
        }
    }

    /** @throws AgentException REFUSED if the observatory quarantined a declaration, FAILURE if some are still waiting */
    static String send(ObservatoireSdk sdk, Duration timeout, Messages messages) {
        long quarantinedBefore = sdk.status().quarantinedDeclarations();
        boolean empty = sdk.flush(timeout);
        SdkStatus after = sdk.status();
        if (after.quarantinedDeclarations() > quarantinedBefore) {
            throw new AgentException(ExitCode.REFUSED, messages.get("send.quarantined",
                    after.quarantinedDeclarations() - quarantinedBefore, after.lastError()));
        }
        if (!empty) {
            throw new AgentException(ExitCode.FAILURE, messages.get("send.pending", after.pendingDeclarations(), timeout,
                    after.lastError() == null ? "-" : after.lastError()));
        }
        return after.lastReceipt() == null ? messages.get("send.nothing")
                : messages.get("send.done", after.sentDeclarations(), after.lastReceipt().sequence());
    }
}
