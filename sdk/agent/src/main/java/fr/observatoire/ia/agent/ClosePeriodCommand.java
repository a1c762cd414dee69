package fr.observatoire.ia.agent;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

/** Declares the open period now (signed, queued) and sends it. The period is then done: later counts go to the next. */
@Command(name = "close-period", aliases = "declarer", description = {"Déclare maintenant la période en cours et l’envoie.",
        "Declares the open period now and sends it."})
final class ClosePeriodCommand extends AgentCommand {
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Attente maximale de l’envoi / longest wait for sending (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() {
        try (ObservatoireSdk sdk = agent.openSdk()) {
            Sending.requireEnrolled(sdk, agent.messages());
            Declaration declaration;
            try {
                declaration = sdk.closePeriodNow().declaration();
            } catch (IllegalStateException e) {
                throw new AgentException(ExitCode.FAILURE, text("close.failed", e.getMessage()));
            }
            say("close.queued", declaration.sequence(), declaration.period().start().toString(), declaration.period().end().toString(),
                    declaration.activity().size());
            out().println(Sending.send(sdk, timeout, agent.messages()));
            return ExitCode.OK;
        }
    }
}
