package fr.observatoire.ia.sdk.testing;

import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullPlugin;

import java.util.Optional;

/** Listed in the test META-INF/services: proves discovery by the ServiceLoader. Counts nothing. */
public final class ServiceLoadedPlugin implements PullPlugin {
    @Override
    public String name() {
        return "fake-loaded";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public PullBatch pull(Optional<String> cursor, PullProgress progress) {
        return PullBatch.builder().records(0).cursor("done").build();
    }
}
