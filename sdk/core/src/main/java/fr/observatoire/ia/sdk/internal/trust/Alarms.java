package fr.observatoire.ia.sdk.internal.trust;

import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.internal.Health;
import fr.observatoire.ia.sdk.internal.store.AlarmTables;
import fr.observatoire.ia.sdk.internal.store.Database;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Raises and clears the {@link Alarm}s of the status. An alarm is logged at ERROR when it is raised or concerns
 * another declaration than before, and at DEBUG when it merely repeats (a slow retry every few minutes must not
 * fill the host's log); its clearing is logged at INFO.
 */
public final class Alarms {
    private final Database database;
    private final Clock clock;

    public Alarms(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void raise(Alarm.Kind kind, String message, UUID declarationId) {
        Optional<Alarm> before = database.inTransaction(c -> AlarmTables.raise(c, kind, message, declarationId, clock.instant()));
        boolean news = before.isEmpty() || !Objects.equals(before.get().declarationId(), declarationId);
        Health.LOG.log(news ? Level.ERROR : Level.DEBUG, message);
    }

    public void clear(Alarm.Kind kind, String resolution) {
        if (database.inTransaction(c -> AlarmTables.clear(c, kind))) {
            Health.LOG.log(Level.INFO, resolution);
        }
    }

    /**
     * Clears alarms inside the caller's transaction, so that the event resolving them and their clearing are seen
     * together; log the result with {@link #logCleared} after the commit.
     */
    public static List<Alarm.Kind> clear(Connection connection, Alarm.Kind... kinds) throws SQLException {
        List<Alarm.Kind> cleared = new ArrayList<>();
        for (Alarm.Kind kind : kinds) {
            if (AlarmTables.clear(connection, kind)) {
                cleared.add(kind);
            }
        }
        return cleared;
    }

    public void logCleared(List<Alarm.Kind> cleared, String why) {
        for (Alarm.Kind kind : cleared) {
            Health.LOG.log(Level.INFO, why + ": the " + kind + " alarm is cleared.");
        }
    }

    public List<Alarm> all() {
        return database.inTransaction(AlarmTables::all);
    }
}
