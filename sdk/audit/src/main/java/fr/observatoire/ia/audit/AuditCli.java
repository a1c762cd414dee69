package fr.observatoire.ia.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code observatoire-audit}: what anyone (a collectivité, a journalist, the prefecture) runs to check the
 * observatory's transparency log without trusting it. Exit codes: 0 verified, 1 not verified (the output says
 * which check failed), 2 usage error (bad arguments, unreadable input).
 */
@Command(name = "observatoire-audit", mixinStandardHelpOptions = true, version = "observatoire-audit 0.1",
        subcommands = {VerifyReceiptCommand.class, AuditLogCommand.class},
        description = {"Vérification indépendante du journal de transparence de l'observatoire.",
                "Independent verification of the observatory's transparency log."},
        exitCodeListHeading = "Codes de sortie / exit codes:%n",
        exitCodeList = {"0:vérifié / verified", "1:non vérifié (la vérification en échec est dite) / not verified (the failed check is named)",
                "2:erreur d'usage (arguments, fichier illisible) / usage error (arguments, unreadable file)"})
public final class AuditCli {
    @Option(names = "--lang", paramLabel = "<fr|en>", scope = CommandLine.ScopeType.INHERIT,
            description = "Langue des messages (défaut : fr, ou en si LANG commence par en) / language of the messages")
    private String lang;

    private final PrintWriter out;
    private final String envLang;

    AuditCli(PrintWriter out, String envLang) {
        this.out = out;
        this.envLang = envLang;
    }

    Messages messages() {
        return Messages.choose(lang, envLang);
    }

    Report report() {
        return new Report(out, messages());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err, System.getenv("LANG")));
    }

    /** Runs the tool; returns its exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, String envLang) {
        AuditCli cli = new AuditCli(out, envLang);
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof UsageException) {
                err.println(exception.getMessage());
                err.flush();
                return Report.USAGE;
            }
            throw exception;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
