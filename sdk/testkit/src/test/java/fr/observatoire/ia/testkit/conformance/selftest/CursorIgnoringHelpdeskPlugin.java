package fr.observatoire.ia.testkit.conformance.selftest;

import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;

import java.util.Optional;

/** Reads the whole export at every pull, whatever the cursor says. */
public final class CursorIgnoringHelpdeskPlugin extends FlawedHelpdeskPlugin {
    @Override
    public PullBatch pull(Optional<String> cursor, PullProgress progress) throws PluginException {
        return delegate.pull(Optional.empty(), progress);
    }
}
