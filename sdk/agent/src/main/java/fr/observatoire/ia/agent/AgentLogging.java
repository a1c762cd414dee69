package fr.observatoire.ia.agent;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SDK logs through System.Logger, which reaches java.util.logging here. A one-shot command reports in its own
 * words, so only the SDK's warnings show; the daemon keeps its INFO lines (start, declarations queued, recovery)
 * for the journal. One line per record: systemd's journal adds the time.
 */
final class AgentLogging {
    private static final String FORMAT = "java.util.logging.SimpleFormatter.format";
    /** Held: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger SDK = Logger.getLogger("fr.observatoire.ia.sdk");

    private AgentLogging() {
    }

    /** Before any logging: the format is read once, when java.util.logging starts. */
    static void oneLinePerRecord() {
        if (System.getProperty(FORMAT) == null) {
            System.setProperty(FORMAT, "%4$s %3$s: %5$s%6$s%n");
        }
    }

    static void forCommand(boolean daemon) {
        SDK.setLevel(daemon ? Level.INFO : Level.WARNING);
    }
}
