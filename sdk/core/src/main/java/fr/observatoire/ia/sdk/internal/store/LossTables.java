package fr.observatoire.ia.sdk.internal.store;

import fr.observatoire.ia.model.LossReason;

import java.sql.Connection;
import java.sql.SQLException;

/** Losses waiting for the next declaration, written by whoever causes them inside their own transaction. */
public final class LossTables {
    private static final String[] KEY = {"reason", "source"};

    private LossTables() {
    }

    public static void add(Connection connection, LossReason reason, String source, long count) throws SQLException {
        Rows.addCount(connection, "loss", KEY, new Object[]{reason.name(), source}, count);
    }
}
