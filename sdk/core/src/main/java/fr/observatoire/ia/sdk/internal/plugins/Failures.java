package fr.observatoire.ia.sdk.internal.plugins;

/**
 * Words for what a plugin threw. A {@link fr.observatoire.ia.spi.PluginException}'s message is written for the
 * DSI and free of source data by contract; anything else is a bug whose message might quote what it choked on (a
 * ticket title, a log line), so only its type and where it was thrown leave the process.
 */
final class Failures {
    /** {@code SourceReport.problem} holds at most 500 characters. */
    static final int MAX_PROBLEM = 500;

    private Failures() {
    }

    static String bug(String plugin, Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0].getClassName() + "." + trace[0].getMethodName()
                + ":" + trace[0].getLineNumber();
        return "internal error of the " + plugin + " plugin (" + e.getClass().getName() + where
                + "); nothing of this pull was counted, see the SDK's log and report it to the plugin's author";
    }

    static String truncate(String problem) {
        if (problem == null || problem.isBlank()) {
            return "no message";
        }
        return problem.length() <= MAX_PROBLEM ? problem : problem.substring(0, MAX_PROBLEM - 1) + "…";
    }
}
