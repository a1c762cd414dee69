package fr.observatoire.ia.agent;

import fr.observatoire.ia.protocol.messages.KeyRevocation;
import fr.observatoire.ia.sdk.KeyOperationException;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Set;

/**
 * Revokes the signing key (a compromised server, a leaked backup): the observatory refuses whatever it signs from
 * then on, and the SDK signs nothing more until it is enrolled again with a new code from the observatory. What the
 * key signed before stays valid, receipts included. Asks for confirmation at a terminal unless {@code --yes}.
 */
@Command(name = "revoke-key", aliases = "revoquer-cle", description = {"Révoque la clé de signature (compromise) : plus rien n’est signé avant une nouvelle inscription.",
        "Revokes the signing key (compromised): nothing is signed until a new enrolment."})
final class RevokeKeyCommand extends AgentCommand {
    /** The reference server's limit: the reason is public, it goes into the transparency log. */
    static final int MAX_REASON_LENGTH = 500;
    private static final Set<String> YES = Set.of("oui", "o", "yes", "y");

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Motif, public (inscrit au journal de l’observatoire) / reason, public (written to the observatory’s log)")
    String reason;

    @Option(names = {"-y", "--yes"}, description = "Sans demander de confirmation / without asking for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        if (reason != null && reason.strip().length() > MAX_REASON_LENGTH) {
            throw new AgentException(ExitCode.USAGE, text("revoke.reason.long", MAX_REASON_LENGTH, reason.strip().length()));
        }
        if (!yes && !agent.terminal()) {
            throw new AgentException(ExitCode.USAGE, text("revoke.confirm.needed"));
        }
        try (ObservatoireSdk sdk = agent.openSdk()) {
            Sending.requireEnrolled(sdk, agent.messages());
            String kid = sdk.status().enrolledKid();
            if (!yes && !confirmed(kid, sdk.config().orElseThrow().declarant().siren())) {
                throw new AgentException(ExitCode.FAILURE, text("revoke.cancelled"));
            }
            KeyRevocation revoked;
            try {
                revoked = sdk.revokeKey(reason);
            } catch (KeyOperationException e) {
                throw KeyFailures.of("revoke", e, kid, agent.messages());
            }
            say("revoke.done", revoked.kid(), revoked.reason());
            say("revoke.next");
            long pending = sdk.status().pendingDeclarations();
            if (pending > 0) {
                say("revoke.pending", pending);
            }
            return ExitCode.OK;
        }
    }

    private boolean confirmed(String kid, String siren) {
        out().println(text("revoke.confirm", kid, siren));
        out().print(text("revoke.confirm.prompt"));
        out().flush();
        String answer = agent.readLine();
        return answer != null && YES.contains(answer.strip().toLowerCase(Locale.ROOT));
    }
}
