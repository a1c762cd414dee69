package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.IncidentCounter;
import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The observatory as the filter, the servlet and CDI beans see it: it forwards to whatever observatory
 * {@code source} designates at the time of the call, and no failure of that observatory ever escapes.
 *
 * <p>Late binding matters in a web application: filters, servlets and application-scoped beans are created when the
 * application deploys, often before the SDK has started and installed the real observatory. A handle taken then
 * must not stay bound to the no-op forever. Each handle keeps the counter of the observatory it last saw and asks
 * for a new one only when the source designates another observatory: one supplier call and one reference
 * comparison per record, no allocation.
 *
 * <p>{@link #close()} does nothing: the observatory belongs to whoever created it (the SDK), not to a bean that
 * was handed a view of it.
 */
final class SafeObservatory implements Observatory {
    private final Supplier<Observatory> source;

    SafeObservatory(Supplier<Observatory> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public ActivityCounter activity(String usageId, Service service, ActionKind action) {
        LateBound<ActivityCounter> handle = new LateBound<>(source, o -> o.activity(usageId, service, action));
        return count -> {
            try {
                handle.get().add(count);
            } catch (RuntimeException | Error e) {
                ObservatoryFailures.record(e);
            }
        };
    }

    @Override
    public IncidentCounter incidents(IncidentCategory category, Severity severity) {
        LateBound<IncidentCounter> handle = new LateBound<>(source, o -> o.incidents(category, severity));
        return count -> {
            try {
                handle.get().add(count);
            } catch (RuntimeException | Error e) {
                ObservatoryFailures.record(e);
            }
        };
    }

    @Override
    public void agentActive(String usageId, String localAgentId) {
        guarded(o -> o.agentActive(usageId, localAgentId));
    }

    @Override
    public void declareInventory(Inventory inventory) {
        guarded(o -> o.declareInventory(inventory));
    }

    @Override
    public void reportIncident(ReportedIncident incident) {
        guarded(o -> o.reportIncident(incident));
    }

    @Override
    public boolean flush(Duration timeout) {
        try {
            return source.get().flush(timeout);
        } catch (RuntimeException | Error e) {
            ObservatoryFailures.record(e);
            return false;
        }
    }

    /** Calls the current observatory; whatever it throws is recorded, never passed on to the host. */
    private void guarded(Consumer<Observatory> call) {
        try {
            call.accept(source.get());
        } catch (RuntimeException | Error e) {
            ObservatoryFailures.record(e);
        }
    }

    @Override
    public void close() {
        // Not ours to close: see the class comment.
    }

    /** A handle of the observatory the source designates now, re-created only when that observatory changes. */
    private static final class LateBound<H> {
        private final Supplier<Observatory> source;
        private final Function<Observatory, H> factory;
        private volatile Binding<H> binding;

        LateBound(Supplier<Observatory> source, Function<Observatory, H> factory) {
            this.source = source;
            this.factory = factory;
        }

        H get() {
            Observatory current = source.get();
            Binding<H> bound = binding;
            if (bound == null || bound.observatory() != current) {
                // Two threads may both rebind after a change; both handles count into the same observatory.
                bound = new Binding<>(current, factory.apply(current));
                binding = bound;
            }
            return bound.handle();
        }
    }

    private record Binding<H>(Observatory observatory, H handle) {
    }
}
