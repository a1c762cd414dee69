package fr.observatoire.ia.testkit.conformance.selftest;

import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;

import java.util.Optional;

/** Keeps the last requester in its cursor, as a plugin "remembering where it was" by user might. */
public final class LeakingHelpdeskPlugin extends FlawedHelpdeskPlugin {
    @Override
    public PullBatch pull(Optional<String> cursor, PullProgress progress) throws PluginException {
        PullBatch batch = delegate.pull(cursor.map(c -> c.replaceAll("#.*", "")), progress);
        return withCursor(batch, batch.cursor() + "#last=jeanne.martin@mairie-exemple.fr");
    }
}
