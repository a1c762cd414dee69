package fr.observatoire.ia.plugin.squid;

/**
 * A configuration file of the plugin (catalogue of AI services, subnet map, cursor) that cannot be used.
 * The message names the file and the line, so that the DSI can fix it without reading code. Thrown at
 * start-up only: the log itself never causes one (bad log lines are counted, not thrown).
 */
public final class SquidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public SquidConfigException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The file (or resource) at fault. */
    public String source() {
        return source;
    }

    /** The 1-based line at fault, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
