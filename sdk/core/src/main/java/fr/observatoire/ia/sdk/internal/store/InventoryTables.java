package fr.observatoire.ia.sdk.internal.store;

import fr.observatoire.ia.model.Inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Every version of the inventory the host declared. */
public final class InventoryTables {
    private InventoryTables() {
    }

    public static Optional<Inventory> latest(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT json FROM inventory ORDER BY version DESC LIMIT 1");
             ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(Rows.fromJson(row.getString(1), Inventory.class)) : Optional.empty();
        }
    }

    /**
     * Stores {@code proposed} if its usages differ from the latest version. The stored version is the greater of
     * the proposed one and the latest plus one: a host that always passes version 1 still gets a growing
     * version, which is what tells the observatory that the register changed.
     *
     * @return the inventory now current
     */
    public static Inventory store(Connection connection, Inventory proposed, Instant now) throws SQLException {
        Optional<Inventory> latest = latest(connection);
        if (latest.isPresent() && latest.get().usages().equals(proposed.usages())) {
            return latest.get();
        }
        int version = latest.map(current -> Math.max(current.version() + 1, proposed.version())).orElse(proposed.version());
        Inventory stored = new Inventory(version, proposed.usages());
        Rows.update(connection, "INSERT INTO inventory (version, json, declared_at) VALUES (?, ?, ?)",
                version, Rows.json(stored), now.toEpochMilli());
        return stored;
    }
}
