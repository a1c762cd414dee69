package fr.observatoire.ia.audit;

import java.io.PrintWriter;

/**
 * The checks of one run, printed as they are made: a line per check, passed or failed with why. The exit code
 * says whether everything held.
 */
final class Report {
    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int USAGE = 2;

    private final PrintWriter out;
    private final Messages messages;
    private int failures;

    Report(PrintWriter out, Messages messages) {
        this.out = out;
        this.messages = messages;
    }

    Messages messages() {
        return messages;
    }

    void pass(String key, Object... arguments) {
        out.println(messages.get("mark.ok") + " " + messages.get(key, arguments));
    }

    void fail(String key, Object... arguments) {
        failures++;
        out.println(messages.get("mark.failed") + " " + messages.get(key, arguments));
    }

    void info(String key, Object... arguments) {
        out.println("     " + messages.get(key, arguments));
    }

    boolean failed() {
        return failures > 0;
    }

    /** Prints the verdict and returns the exit code. */
    int conclude(String verifiedKey, String notVerifiedKey, Object... arguments) {
        out.println();
        out.println(messages.get(failed() ? notVerifiedKey : verifiedKey, arguments));
        out.flush();
        return failed() ? NOT_VERIFIED : VERIFIED;
    }
}
