package fr.observatoire.ia.agent;

import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.sdk.EnrolmentException;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Enrols with the one-time code: the SDK generates the key (if there is none), proves possession, and the agent
 * shows the key's thumbprint and the observatory's log key, which a person compares with what the observatory
 * publishes: that comparison is what makes every later receipt trustworthy.
 */
@Command(name = "enrol", aliases = "inscrire", description = {"Inscrit la collectivité avec le code reçu de l’observatoire.",
        "Enrols the collectivité with the code the observatory gave."})
final class EnrolCommand extends AgentCommand {
    @Parameters(paramLabel = "CODE", description = "Code à usage unique / one-time code")
    String code;

    @Override
    public Integer call() {
        try (ObservatoireSdk sdk = agent.openSdk()) {
            EnrolmentResponse enrolled = sdk.enrol(code.trim());
            say("enrol.done", enrolled.siren());
            say("enrol.kid", enrolled.kid());
            if (enrolled.logKey() != null) {
                say("enrol.log.key", enrolled.logKey());
                say("enrol.log.compare");
            } else {
                say("enrol.log.none");
            }
            return ExitCode.OK;
        } catch (EnrolmentException e) {
            boolean refused = e.status() >= 400 && e.status() < 500 && e.status() != 408 && e.status() != 429;
            throw new AgentException(refused ? ExitCode.REFUSED : ExitCode.FAILURE,
                    text(refused ? "enrol.refused" : "enrol.failed", e.getMessage()));
        }
    }
}
