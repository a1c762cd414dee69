package fr.observatoire.ia.testkit.conformance.selftest;

import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;

import java.util.Optional;

/** Lets a runtime exception out when the source answers something else than its export (an HTML page). */
public final class ThrowingHelpdeskPlugin extends FlawedHelpdeskPlugin {
    @Override
    public PullBatch pull(Optional<String> cursor, PullProgress progress) throws PluginException {
        try {
            return delegate.pull(cursor, progress);
        } catch (PluginException e) {
            if (e.getMessage().contains("instead of the CSV export")) {
                throw new IllegalStateException("unexpected content type");
            }
            throw e;
        }
    }
}
