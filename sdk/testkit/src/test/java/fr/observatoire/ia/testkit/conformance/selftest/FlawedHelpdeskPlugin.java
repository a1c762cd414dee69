package fr.observatoire.ia.testkit.conformance.selftest;

import com.example.helpdesk.observatoire.HelpdeskCsvPlugin;
import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin;

import java.util.Optional;

/**
 * The guide's example with one defect added, to show that the conformance suite catches it. Each subclass breaks
 * one rule; the suite's self-test asserts exactly which of its tests fail.
 */
abstract class FlawedHelpdeskPlugin implements PullPlugin {
    final HelpdeskCsvPlugin delegate = new HelpdeskCsvPlugin();

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String version() {
        return delegate.version();
    }

    @Override
    public void start(PluginContext context) throws PluginException {
        delegate.start(context);
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    @Override
    public abstract PullBatch pull(Optional<String> cursor, PullProgress progress) throws PluginException;

    /** The same batch with another cursor. */
    static PullBatch withCursor(PullBatch batch, String cursor) {
        return new PullBatch(batch.activity(), batch.incidents(), batch.agents(), batch.usages(), batch.losses(), batch.records(), cursor);
    }
}
