package fr.observatoire.ia.agent;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.merkle.ProofException;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.NoteException;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.protocol.tlog.ReceiptVerifier;
import fr.observatoire.ia.protocol.tlog.TlogProof;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.OutboxDeclaration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The declarations of the outbox and their receipts. With {@code --export DIR}, writes for each declaration the
 * observatory acknowledged the compact JWS as sent ({@code <sequence>-<id>.jws}) and its receipt as received
 * ({@code <sequence>-<id>.receipt.json}), with the log key the SDK trusts ({@code log-key.txt}): what anyone needs to
 * check with {@code observatoire-audit verify-receipt}, without trusting the collectivité's agent nor the observatory.
 */
@Command(name = "receipts", aliases = "recus", description = {"Liste les déclarations et leurs reçus ; --export : fichiers à vérifier avec observatoire-audit.",
        "Lists the declarations and their receipts; --export: files to check with observatoire-audit."})
final class ReceiptsCommand extends AgentCommand {
    static final String LOG_KEY_FILE = "log-key.txt";
    /** Arguments a shell takes as they are; anything else is quoted in the command lines printed. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    @Option(names = "--export", paramLabel = "DIR",
            description = "Écrit JWS, reçus et clé du journal dans ce dossier / writes JWS, receipts and the log key to this directory")
    Path export;

    @Override
    public Integer call() {
        try (ObservatoireSdk sdk = agent.openSdk()) {
            Display display = new Display(agent.messages(), sdk.config().orElseThrow().zone());
            List<OutboxDeclaration> declarations = sdk.outbox();
            Optional<String> logKey = sdk.logKey();
            if (declarations.isEmpty()) {
                say("receipts.none");
            } else {
                say("receipts.header", declarations.size());
                for (OutboxDeclaration declaration : declarations) {
                    list(declaration, display);
                }
            }
            say(logKey.isPresent() ? "receipts.log.key" : "receipts.log.key.none", logKey.orElse(null));
            if (export != null) {
                export(declarations, logKey);
            }
            return ExitCode.OK;
        }
    }

    private void list(OutboxDeclaration declaration, Display display) {
        Period period = period(declaration.jws());
        String when = period == null ? text("receipts.period.start", declaration.periodStart().toString())
                : text("receipts.period", period.start().toString(), period.end().toString());
        Receipt receipt = declaration.receipt();
        String log = receipt == null ? "" : receipt.logIndex() == null ? text("receipts.unlogged")
                : text("receipts.log.index", String.valueOf(receipt.logIndex()));
        out().println("  " + text("receipts.line", String.valueOf(declaration.sequence()), text("receipts.state." + declaration.state().name()),
                when, log, receipt == null ? "" : text("receipts.received", display.time(receipt.receivedAt()))).stripTrailing());
        out().println("        " + text("receipts.line.detail", declaration.id(), declaration.declarationHash()));
    }

    private void export(List<OutboxDeclaration> declarations, Optional<String> logKey) {
        Path dir = export.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AgentException(ExitCode.USAGE, text("receipts.export.directory", dir, e.getMessage()));
        }
        List<OutboxDeclaration> sent = declarations.stream()
                .filter(d -> d.state() == OutboxDeclaration.State.SENT && d.receipt() != null).toList();
        if (sent.isEmpty()) {
            say("receipts.export.nothing", dir);
            return;
        }
        NoteVerifier verifier = logKey.map(ReceiptsCommand::verifier).orElse(null);
        List<String> commands = new ArrayList<>();
        try {
            Path keyFile = dir.resolve(LOG_KEY_FILE);
            if (logKey.isPresent()) {
                Files.writeString(keyFile, logKey.get() + "\n", StandardCharsets.UTF_8);
            }
            for (OutboxDeclaration declaration : sent) {
                String name = declaration.sequence() + "-" + declaration.id();
                Path jwsFile = dir.resolve(name + ".jws");
                Path receiptFile = dir.resolve(name + ".receipt.json");
                Files.writeString(jwsFile, loggedJws(declaration, verifier), StandardCharsets.US_ASCII);
                Files.write(receiptFile, ProtocolJson.write(declaration.receipt()));
                commands.add("java -jar observatoire-audit.jar verify-receipt --declaration " + shell(jwsFile) + " --receipt "
                        + shell(receiptFile) + " --log-key " + (logKey.isPresent() ? shell(keyFile) : text("receipts.key.placeholder")));
            }
        } catch (IOException e) {
            throw new AgentException(ExitCode.FAILURE, text("receipts.export.failed", dir, e.getMessage()));
        }
        say("receipts.exported", sent.size(), dir);
        if (logKey.isEmpty()) {
            say("receipts.export.no.key");
        }
        say("receipts.verify");
        commands.forEach(command -> out().println("  " + command));
        say("receipts.verify.key");
    }

    /**
     * The JWS the receipt's inclusion proof proves: after a key rotation the declaration was re-signed, and the
     * observatory may have logged an earlier signature of the same payload. Without a proof, the JWS as sent now.
     */
    private String loggedJws(OutboxDeclaration declaration, NoteVerifier verifier) {
        Receipt receipt = declaration.receipt();
        if (verifier == null || receipt.tlogProof() == null) {
            return declaration.jws();
        }
        TlogProof proof;
        try {
            proof = TlogProof.parse(receipt.tlogProof());
        } catch (NoteException | RuntimeException e) {
            return declaration.jws();
        }
        ReceiptVerifier receipts = new ReceiptVerifier(verifier);
        for (String jws : declaration.allJws()) {
            try {
                receipts.verifyInclusion(jws.getBytes(StandardCharsets.US_ASCII), proof);
                return jws;
            } catch (NoteException | ProofException e) {
                // Another signature of the same payload, or a receipt the audit will refuse: it says why.
            }
        }
        say("receipts.export.unproven", declaration.sequence(), declaration.id());
        return declaration.jws();
    }

    private static NoteVerifier verifier(String vkey) {
        try {
            return NoteVerifier.parse(vkey);
        } catch (NoteException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The period the signed payload declares; null if it cannot be read (the listing then shows its first day). */
    private static Period period(String jws) {
        try {
            return ProtocolJson.read(Jws.parse(jws).payload(), Declaration.class).period();
        } catch (JwsException | InvalidJsonException | RuntimeException e) {
            return null;
        }
    }

    private static String shell(Path path) {
        String text = path.toString();
        return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
