package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.Ids;
import fr.observatoire.ia.server.log.LogEntry;
import fr.observatoire.ia.server.log.TransparencyLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Records a change of a key's state twice, in the caller's transaction: in the audit trail, and as an
 * entry of the transparency log, so that the key history of every collectivité is as non-repudiable as
 * its declarations (an observatory that enrolled a key behind a collectivité's back would have to log it).
 */
@ApplicationScoped
public class KeyEvents {
    private final KeyEventRepository events;

    @Inject
    KeyEvents(KeyEventRepository events) {
        this.events = events;
    }

    /** Records the event; {@code appender} is the log lock the transaction took first. */
    public KeyEvent record(Connection connection, TransparencyLog.Appender appender, String siren, KeyEventKind kind, String kid,
                           String newKid, KeyActor actor, String reason, Instant at, String entry) throws SQLException {
        KeyEvent event = new KeyEvent(Ids.uuidV7(at), siren, kind, kid, newKid, actor, reason, at, entry);
        events.insert(connection, event);
        appender.append(List.of(LogEntry.keyEvent(event.id(), entry)));
        return event;
    }
}
