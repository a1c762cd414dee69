package fr.observatoire.ia.api;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;

import java.time.Duration;

/**
 * What a host application (or a plugin) uses to declare AI usage and incidents to the observatory.
 *
 * <p>Contract, for every implementation: no method throws into the caller (except for {@code null}
 * arguments to handle factories, which are programming errors caught in development), and no method
 * blocks the calling thread on I/O, except {@link #flush(Duration)} which waits at most its timeout.
 * Handles returned by {@link #activity} and {@link #incidents} are meant to be kept and reused:
 * recording through a handle does not allocate.
 *
 * <p>{@link #noop()} does nothing, cheaply: a host that depends on this API keeps working when the
 * SDK is absent, not configured or failed to start.
 */
public interface Observatory extends AutoCloseable {

    /** An observatory that records nothing. */
    static Observatory noop() {
        return NoopObservatory.INSTANCE;
    }

    /**
     * A counter of actions of one kind, for one usage of the inventory and one service. Unknown usage ids
     * are counted under the overflow series and reported as losses, never thrown.
     */
    ActivityCounter activity(String usageId, Service service, ActionKind action);

    /** A counter of incidents of one category and severity. */
    IncidentCounter incidents(IncidentCategory category, Severity severity);

    /**
     * Notes that an agent used a usage during the current period. {@code localAgentId} is whatever the host
     * knows the agent by (login, e-mail, employee number): it is pseudonymised with a local secret on the
     * spot, and only a band of distinct agents per usage ever leaves.
     */
    void agentActive(String usageId, String localAgentId);

    /** Replaces the inventory of AI usages that the next declarations carry. */
    void declareInventory(Inventory inventory);

    /** Queues an individually reported incident, already approved by a person, for the current period. */
    void reportIncident(ReportedIncident incident);

    /**
     * Waits until everything recorded so far is on disk and every pending declaration has been sent, or
     * the timeout has passed. Never throws.
     *
     * @return true if nothing is left pending
     */
    boolean flush(Duration timeout);

    /** Saves what was recorded and stops background work, waiting a bounded time. Never throws. */
    @Override
    void close();
}
