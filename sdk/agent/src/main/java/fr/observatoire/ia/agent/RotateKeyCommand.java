package fr.observatoire.ia.agent;

import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.sdk.KeyOperationException;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import picocli.CommandLine.Command;

/**
 * Replaces the signing key: the SDK writes the new key, the observatory accepts the rollover signed by both keys,
 * then the declarations still waiting are re-signed with the new key and the old one is kept, retired, in the data
 * directory. If the observatory does not answer, the SDK finishes the rotation by itself before it next sends.
 */
@Command(name = "rotate-key", aliases = "changer-cle", description = {"Remplace la clé de signature par une nouvelle (accord signé par les deux clés).",
        "Replaces the signing key with a new one (a rollover signed by both keys)."})
final class RotateKeyCommand extends AgentCommand {
    @Override
    public Integer call() {
        try (ObservatoireSdk sdk = agent.openSdk()) {
            Sending.requireEnrolled(sdk, agent.messages());
            String current = sdk.status().enrolledKid();
            KeyRotation.Response rotated;
            try {
                rotated = sdk.rotateKey();
            } catch (KeyOperationException e) {
                throw KeyFailures.of("rotate", e, current, agent.messages());
            }
            say("rotate.done");
            say("rotate.old", rotated.oldKid());
            say("rotate.new", rotated.newKid());
            say("rotate.kept", "signing-key." + rotated.oldKid() + ".retired.jwk");
            long pending = sdk.status().pendingDeclarations();
            if (pending > 0) {
                say("rotate.pending", pending);
            }
            say("rotate.next");
            return ExitCode.OK;
        }
    }
}
