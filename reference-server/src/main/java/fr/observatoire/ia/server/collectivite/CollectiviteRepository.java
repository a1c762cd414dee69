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
import java.util.Optional;

/** SQL of the collectivite table. Methods take the caller's connection: they run inside its transaction. */
@ApplicationScoped
public class CollectiviteRepository {
    private static final String COLUMNS = "siren, kind, name, insee_code, uai, population, departement, epci_siren, contact_email, registered_at";

    void insert(Connection connection, Collectivite collectivite) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO collectivite (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            insert.setString(7, collectivite.departement());
            insert.setString(8, collectivite.epciSiren());
            insert.setString(9, collectivite.contactEmail());
            Sql.setInstant(insert, 10, collectivite.registeredAt());
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
                all.add(collectivite(rows));
            }
            return all;
        }
    }

    /** The registered collectivité with this SIREN. */
    public Optional<Collectivite> find(Connection connection, String siren) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM collectivite WHERE siren = ?")) {
            select.setString(1, siren);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(collectivite(rows)) : Optional.empty();
            }
        }
    }

    private static Collectivite collectivite(ResultSet rows) throws SQLException {
        return new Collectivite(rows.getString("siren"), DeclarantKind.valueOf(rows.getString("kind")), rows.getString("name"),
                rows.getString("insee_code"), rows.getString("uai"), Sql.getLongOrNull(rows, "population"),
                rows.getString("departement"), rows.getString("epci_siren"), rows.getString("contact_email"),
                Sql.getInstant(rows, "registered_at"));
    }
}
