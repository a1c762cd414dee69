package fr.observatoire.ia.sdk.internal.declare;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.Ids;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.sdk.DeclarationPreview;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.counters.Checkpointer;
import fr.observatoire.ia.sdk.internal.privacy.DisclosureControl;
import fr.observatoire.ia.sdk.internal.store.ChainState;
import fr.observatoire.ia.sdk.internal.store.ChainTables;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.InventoryTables;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.store.OutboxTables;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns ended periods into signed declarations in the outbox. One period, one transaction: the declaration
 * enters the outbox, the chain state advances and the period's data is deleted together, so a crash either
 * leaves everything as it was or the declaration durably queued; never counted twice, never lost.
 */
public final class PeriodCloser {
    private static final String TOPIC = "declare";

    private final Database database;
    private final PeriodCalendar calendar;
    private final Declarant declarant;
    private final Clock clock;
    private final Checkpointer checkpointer;
    private final Supplier<Optional<SigningKey>> enrolledKey;
    private final Runnable onQueued;
    private final Health health;
    private final DisclosureControl disclosure;

    public PeriodCloser(Database database, PeriodCalendar calendar, Declarant declarant, Clock clock, Checkpointer checkpointer,
                        Supplier<Optional<SigningKey>> enrolledKey, Runnable onQueued, Health health) {
        this.database = database;
        this.calendar = calendar;
        this.declarant = declarant;
        this.clock = clock;
        this.checkpointer = checkpointer;
        this.enrolledKey = enrolledKey;
        this.onQueued = onQueued;
        this.health = health;
        this.disclosure = new DisclosureControl(health);
    }

    /** The scheduler's tick: declares every period that has ended, oldest first. Never throws. */
    public synchronized int closeDuePeriods() {
        try {
            checkpointer.checkpoint();
            int closed = closeDue();
            health.recovered(TOPIC, "Declarations are built again.");
            return closed;
        } catch (RuntimeException e) {
            health.problem(TOPIC, "Cannot build the declaration of an ended period (" + e.getMessage()
                    + "); its data stays in the local store and the scheduler tries again.", e);
            return 0;
        }
    }

    /**
     * Declares the open period now, with what was counted so far, after any ended period. The period is then
     * done: counts recorded afterwards go to the following period (see {@link PeriodCalendar}).
     *
     * @throws IllegalStateException before enrolment, or if the store fails
     */
    public synchronized DeclarationPreview closeNow() {
        SigningKey key = enrolledKey.get().orElseThrow(() -> new IllegalStateException(
                "not enrolled: call enrol(code) with the code the observatory gave you before declaring"));
        if (!checkpointer.checkpoint()) {
            throw new IllegalStateException("the local store refuses writes: " + health.lastError());
        }
        closeDue();
        ChainState state = database.inTransaction(ChainTables::read);
        Period period = calendar.nextToDeclare(state).orElseGet(() -> calendar.receiving(state));
        return close(period, key);
    }

    /** The declaration that would be built next, unsigned and not queued: for the DPO. */
    public synchronized DeclarationPreview preview() {
        checkpointer.checkpoint();
        return database.inTransaction(connection -> {
            ChainState state = ChainTables.read(connection);
            Period period = calendar.nextToDeclare(state).orElseGet(() -> calendar.receiving(state));
            Declaration declaration = build(connection, state, period, now());
            byte[] payload = ProtocolJson.write(declaration);
            return new DeclarationPreview(declaration, payload, ProtocolJson.writePretty(declaration));
        });
    }

    private int closeDue() {
        int closed = 0;
        while (true) {
            Optional<SigningKey> key = enrolledKey.get();
            if (key.isEmpty()) {
                return closed;
            }
            Optional<Period> due = calendar.nextDue(database.inTransaction(ChainTables::read));
            if (due.isEmpty()) {
                return closed;
            }
            close(due.get(), key.get());
            closed++;
        }
    }

    private DeclarationPreview close(Period period, SigningKey key) {
        DeclarationPreview queued = database.inTransaction(connection -> {
            ChainState state = ChainTables.read(connection);
            Instant now = now();
            Declaration declaration = build(connection, state, period, now);
            byte[] payload = ProtocolJson.write(declaration);
            String hash = Hashes.declarationHash(payload);
            String jws = Jws.sign(key, Jws.TYP_DECLARATION, payload);
            OutboxTables.insert(connection, new OutboxEntry(declaration.id(), declaration.sequence(), period.start().toString(),
                    hash, jws, OutboxEntry.State.PENDING, 0), now);
            ChainTables.advance(connection, declaration.sequence(), hash, period.end());
            PeriodTables.deleteDeclared(connection, period);
            return new DeclarationPreview(declaration, payload, ProtocolJson.writePretty(declaration));
        });
        Health.LOG.log(Level.INFO, "Declaration {0} for {1} {2}..{3} signed and queued ({4} activity series, {5} losses).",
                queued.declaration().sequence(), period.kind(), period.start(), period.end(),
                queued.declaration().activity().size(), queued.declaration().provenance().losses().size());
        onQueued.run();
        return queued;
    }

    private Declaration build(Connection connection, ChainState state, Period period, Instant now) throws SQLException {
        PeriodData data = PeriodTables.read(connection, period);
        Inventory inventory = InventoryTables.latest(connection).orElse(Inventory.empty());
        // The preview goes through the same control: the DPO sees the bytes that would be signed.
        return disclosure.apply(DeclarationAssembler.assemble(period, data, inventory, declarant, state, Ids.uuidV7(now), now));
    }

    private Instant now() {
        // Milliseconds: the id's timestamp and issuedAt then say the same thing, and no JSON reader loses precision.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
