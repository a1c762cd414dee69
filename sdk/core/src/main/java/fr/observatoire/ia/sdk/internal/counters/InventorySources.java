package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.sdk.internal.store.InventoryTables;
import fr.observatoire.ia.sdk.internal.store.Rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who said what about the inventory, kept per source (table {@code inventory_source}): the host's last
 * {@code declareInventory} under {@value #HOST}, and the usages each source contributed. A contribution adds to
 * what its source said before (a proxy-log scan reveals the usages it saw this time, not all of them); a usage is
 * retired by contributing it again as abandoned, as a register keeps retired entries. After any change the merge
 * ({@link InventoryMerge}) is stored as the inventory, whose version grows only when the merged usages change.
 */
final class InventorySources {
    /** Not a valid source name ({@code contributeUsages} refuses '@'), so a plugin cannot overwrite the host's inventory. */
    static final String HOST = "@host";
    /** Bounds the inventory a runaway source can grow, like the cap on activity series. */
    static final int MAX_USAGES_PER_SOURCE = 500;

    private InventorySources() {
    }

    /**
     * Records what the host and the sources said since the last checkpoint and stores the merged inventory.
     *
     * @return the number of contributed usages dropped because their source reached {@value #MAX_USAGES_PER_SOURCE}
     */
    static long write(Connection connection, Inventory declared, Map<String, List<AiUsage>> contributions, Instant now)
            throws SQLException {
        if (declared == null && contributions.isEmpty()) {
            return 0;
        }
        if (declared != null) {
            put(connection, HOST, declared);
        }
        long dropped = 0;
        for (Map.Entry<String, List<AiUsage>> contribution : contributions.entrySet()) {
            List<AiUsage> before = read(connection, contribution.getKey()).map(Inventory::usages).orElse(List.of());
            List<AiUsage> after = InventoryMerge.upsert(before, contribution.getValue());
            if (after.size() > MAX_USAGES_PER_SOURCE) {
                dropped += after.size() - MAX_USAGES_PER_SOURCE;
                after = after.subList(0, MAX_USAGES_PER_SOURCE);
            }
            put(connection, contribution.getKey(), new Inventory(1, after));
        }
        SortedMap<String, List<AiUsage>> contributed = new TreeMap<>();
        Inventory host = Inventory.empty();
        try (PreparedStatement statement = connection.prepareStatement("SELECT source, json FROM inventory_source");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Inventory inventory = Rows.fromJson(rows.getString(2), Inventory.class);
                if (HOST.equals(rows.getString(1))) {
                    host = inventory;
                } else {
                    contributed.put(rows.getString(1), inventory.usages());
                }
            }
        }
        InventoryTables.store(connection, InventoryMerge.merge(host, contributed), now);
        return dropped;
    }

    private static Optional<Inventory> read(Connection connection, String source) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT json FROM inventory_source WHERE source = ?")) {
            Rows.bind(statement, source);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(Rows.fromJson(row.getString(1), Inventory.class)) : Optional.empty();
            }
        }
    }

    private static void put(Connection connection, String source, Inventory inventory) throws SQLException {
        if (Rows.update(connection, "UPDATE inventory_source SET json = ? WHERE source = ?", Rows.json(inventory), source) == 0) {
            Rows.update(connection, "INSERT INTO inventory_source (source, json) VALUES (?, ?)", source, Rows.json(inventory));
        }
    }
}
