package fr.observatoire.ia.agent;

import fr.observatoire.ia.sdk.ObservatoireSdk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Sends what waits in the outbox, waiting at most the timeout. */
@Command(name = "flush", aliases = "envoyer", description = {"Envoie les déclarations en attente (avec un délai maximal).",
        "Sends the waiting declarations (with a timeout)."})
final class FlushCommand extends AgentCommand {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Attente maximale / longest wait (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() {
        try (ObservatoireSdk sdk = agent.openSdk()) {
            Sending.requireEnrolled(sdk, agent.messages());
            say("flush.pending", sdk.status().pendingDeclarations());
            out().println(Sending.send(sdk, timeout, agent.messages()));
            return ExitCode.OK;
        }
    }
}
