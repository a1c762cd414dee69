package fr.observatoire.ia.audit;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs {@code observatoire-audit} (the third party's tool, {@link AuditCli}) in this JVM, as
 * {@code java -jar observatoire-audit.jar <args>} would, without its {@code System.exit}. In this package because
 * {@link AuditCli#run} is package-private.
 */
public final class AuditInProcess {
    /** What the tool did: its exit status and output. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private AuditInProcess() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AuditCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), "fr_FR.UTF-8");
        return new Result(exit, out.toString(), err.toString());
    }
}
