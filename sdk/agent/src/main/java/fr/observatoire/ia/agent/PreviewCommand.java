package fr.observatoire.ia.agent;

import fr.observatoire.ia.sdk.DeclarationPreview;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the next declaration will say, for the DPO: a summary in the agent's language and the exact bytes that
 * will be signed and sent. Nothing is signed or sent.
 */
@Command(name = "preview", aliases = "apercu", description = {"Montre la prochaine déclaration, octet pour octet, et son résumé pour le DPO.",
        "Shows the next declaration, byte for byte, with a summary for the DPO."})
final class PreviewCommand extends AgentCommand {
    @Option(names = "--json", description = "Seulement les octets exacts / only the exact bytes")
    boolean jsonOnly;

    @Option(names = "--summary", description = "Seulement le résumé / only the summary")
    boolean summaryOnly;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Écrit les octets exacts dans ce fichier / writes the exact bytes to this file")
    Path output;

    @Override
    public Integer call() throws IOException {
        try (ObservatoireSdk sdk = agent.openSdk()) {
            DeclarationPreview preview = sdk.preview()
                    .orElseThrow(() -> new AgentException(ExitCode.FAILURE, text("preview.unavailable", sdk.status().lastError())));
            if (output != null) {
                Files.write(output, preview.payload());
                say("preview.written", output.toAbsolutePath(), preview.payload().length, preview.hash());
            }
            if (!jsonOnly) {
                out().println(preview.summary(agent.messages().locale()));
            }
            if (!summaryOnly && output == null) {
                if (!jsonOnly) {
                    say("preview.bytes", preview.payload().length, preview.hash());
                }
                out().println(preview.payloadText());
            }
            return ExitCode.OK;
        }
    }
}
