package fr.observatoire.ia.audit;

import java.io.IOException;
import java.util.List;

/** Where the audited log comes from: the observatory's public API, or files saved from it. */
interface LogSource {
    /** The latest signed checkpoint (signature not checked here). */
    String checkpoint() throws IOException;

    /** Up to {@code limit} entries from {@code start}; fewer (or none) at the end of the log. */
    List<LogEntry> entries(long start, int limit) throws IOException;
}
