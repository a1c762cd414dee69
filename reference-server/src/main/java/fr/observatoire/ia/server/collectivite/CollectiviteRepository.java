package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** SQL of the collectivite table. Methods take the caller's connection: they run inside its transaction. */
@ApplicationScoped
public class CollectiviteRepository {
    private static final String COLUMNS = "siren, kind, name, insee_code, uai, population, registered_at";

    void insert(Connection connection, Collectivite collectivite) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO collectivite (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, collectivite.siren());
            insert.setString(2, collectivite.kind().name());
            insert.setString(3, collectivite.name());
            insert.setString(4, collectivite.inseeCode());
            insert.setString(5, collectivite.uai());
            if (collectivite.population() == null) {
                insert.setNull(6, Types.BIGINT);
            } else {
                insert.setLong(6, collectivite.population());
            }
            Sql.setInstant(insert, 7, collectivite.registeredAt());
            insert.executeUpdate();
        }
    }

    boolean exists(Connection connection, String siren) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM collectivite WHERE siren = ?")) {
            select.setString(1, siren);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** All registered collectivités, by name. */
    public List<Collectivite> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM collectivite ORDER BY name, siren");
             ResultSet rows = select.executeQuery()) {
            List<Collectivite> all = new ArrayList<>();
            while (rows.next()) {
                all.add(new Collectivite(rows.getString("siren"), DeclarantKind.valueOf(rows.getString("kind")), rows.getString("name"),
                        rows.getString("insee_code"), rows.getString("uai"), Sql.getLongOrNull(rows, "population"),
                        Sql.getInstant(rows, "registered_at")));
            }
            return all;
        }
    }
}
