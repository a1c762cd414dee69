package fr.observatoire.ia.audit;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the tool in-process and keeps what it printed. */
record Cli(int code, String out, String err) {
    /** With the environment's {@code LANG} set to {@code envLang}. */
    static Cli runWithEnvLang(String envLang, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AuditCli.run(args, new PrintWriter(out), new PrintWriter(err), envLang);
        return new Cli(code, out.toString(), err.toString());
    }

    static Cli run(String... args) {
        return runWithEnvLang(null, args);
    }
}
