package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.index.AcceptedDeclaration;
import fr.observatoire.ia.server.index.IndexSink;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Keeps the public register: a collectivité's usages marked {@link PublicationLevel#PUBLIC_REGISTER}, as its latest
 * declaration (by period start, then sequence) states them. Usages kept for statistics only are never written here,
 * so nothing that reads this table can list them.
 */
@ApplicationScoped
public class RegisterFacts implements IndexSink {

    @Override
    public void index(Connection connection, AcceptedDeclaration accepted) throws SQLException {
        Declaration d = accepted.declaration();
        String siren = accepted.unit().siren();
        if (!isLatest(connection, siren, d)) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM register_usage WHERE siren = ?");
             PreparedStatement deleteSource = connection.prepareStatement("DELETE FROM register_source WHERE siren = ?")) {
            delete.setString(1, siren);
            delete.executeUpdate();
            deleteSource.setString(1, siren);
            deleteSource.executeUpdate();
        }
        try (PreparedStatement source = connection.prepareStatement("INSERT INTO register_source (siren, declaration_id, period_start,"
                + " sequence, issued_at, payload_hash) VALUES (?, ?, ?, ?, ?, ?)")) {
            source.setString(1, siren);
            source.setObject(2, accepted.id());
            source.setObject(3, d.period().start());
            source.setLong(4, d.sequence());
            Sql.setInstant(source, 5, d.issuedAt());
            source.setString(6, accepted.payloadHash());
            source.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO register_usage (siren, usage_id, departement, epci,"
                + " name, ai_act, usage_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (AiUsage usage : d.inventory().usages()) {
                if (usage.publication() != PublicationLevel.PUBLIC_REGISTER) {
                    continue;
                }
                insert.setString(1, siren);
                insert.setString(2, usage.id());
                insert.setString(3, accepted.unit().departement());
                insert.setString(4, accepted.unit().epci());
                insert.setString(5, usage.name());
                insert.setString(6, usage.aiAct().riskClass().name());
                insert.setString(7, new String(ProtocolJson.write(usage), StandardCharsets.UTF_8));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static boolean isLatest(Connection connection, String siren, Declaration d) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT period_start, sequence FROM register_source WHERE siren = ?")) {
            select.setString(1, siren);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return true;
                }
                int order = rows.getObject(1, LocalDate.class).compareTo(d.period().start());
                return order < 0 || order == 0 && rows.getLong(2) < d.sequence();
            }
        }
    }
}
