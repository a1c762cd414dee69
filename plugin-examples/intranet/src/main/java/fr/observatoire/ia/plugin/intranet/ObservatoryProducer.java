package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.Observatory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;

/**
 * Lets host beans {@code @Inject Observatory}. What they get follows the observatory of the application (the
 * intranet plugin's, else {@code GlobalObservatory}) even when it is installed after the bean was created, never
 * throws, and ignores {@code close()}: the SDK owns the observatory, not the bean.
 *
 * <p>An application that produces its own {@code Observatory} replaces this one with an {@code @Alternative
 * @Priority} producer.
 */
@ApplicationScoped
public class ObservatoryProducer {
    private final Observatory observatory = new SafeObservatory(IntranetRuntime::observatory);

    @Produces
    @Dependent
    @Typed(Observatory.class)
    public Observatory observatory() {
        return observatory;
    }
}
