package fr.observatoire.ia.server.support;

import fr.observatoire.ia.server.db.Database;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;

/**
 * Everything the server stores, as text: taken before and after a refused request, the two must be
 * equal (a refusal never changes stored data).
 */
public final class StoreSnapshot {
    private static final List<String> TABLES = List.of("collectivite", "enrolment_code", "signing_key", "declaration",
            "key_event", "log_state", "log_leaf", "log_node", "log_checkpoint");

    private StoreSnapshot() {
    }

    public static String take(Database database) {
        return database.read(connection -> {
            StringBuilder dump = new StringBuilder();
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    dump.append("# ").append(table).append('\n');
                    try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                        ResultSetMetaData meta = rows.getMetaData();
                        while (rows.next()) {
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                dump.append(rows.getString(i)).append('|');
                            }
                            dump.append('\n');
                        }
                    }
                }
            }
            return dump.toString();
        });
    }

    public static long count(Database database, String table) {
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
