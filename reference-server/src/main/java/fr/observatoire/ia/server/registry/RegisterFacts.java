package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.index.AcceptedDeclaration;
import fr.observatoire.ia.server.index.IndexSink;
import fr.observatoire.ia.server.index.Recency;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the public register: a collectivité's usages marked {@link PublicationLevel#PUBLIC_REGISTER}, as its latest
 * declaration (by period start, then sequence: {@link Recency}) states them. Usages kept for statistics only are never
 * written here, so nothing that reads this table can list them.
 *
 * <p>A chunk of declarations is reduced to its latest declaration per collectivité, the only one of the chunk that can
 * replace what is stored; the stored sources of those collectivités are read with one query, and the collectivités
 * whose register changes are rewritten with one batched statement per table.
 */
@ApplicationScoped
public class RegisterFacts implements IndexSink {

    @Override
    public void indexAll(Connection connection, List<AcceptedDeclaration> declarations) throws SQLException {
        Map<String, AcceptedDeclaration> candidates = new LinkedHashMap<>();
        for (AcceptedDeclaration accepted : declarations) {
            candidates.merge(accepted.unit().siren(), accepted, Recency::latest);
        }
        if (candidates.isEmpty()) {
            return;
        }
        Map<String, Recency> stored = storedSources(connection, candidates.keySet());
        List<AcceptedDeclaration> won = candidates.values().stream()
                .filter(candidate -> Recency.of(candidate).supersedes(stored.get(candidate.unit().siren())))
                .toList();
        if (won.isEmpty()) {
            return;
        }
        delete(connection, won);
        insert(connection, won);
    }

    /** The period start and sequence of the declaration each of {@code sirens} has its register from, where it has one. */
    private static Map<String, Recency> storedSources(Connection connection, Collection<String> sirens) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT siren, period_start, sequence FROM register_source"
                + " WHERE siren IN (" + Sql.placeholders(sirens.size()) + ")")) {
            Sql.bindStrings(select, 1, sirens);
            try (ResultSet rows = select.executeQuery()) {
                Map<String, Recency> stored = new HashMap<>();
                while (rows.next()) {
                    stored.put(rows.getString(1), new Recency(rows.getObject(2, LocalDate.class), rows.getLong(3)));
                }
                return stored;
            }
        }
    }

    private static void delete(Connection connection, List<AcceptedDeclaration> won) throws SQLException {
        try (PreparedStatement usages = connection.prepareStatement("DELETE FROM register_usage WHERE siren = ?");
             PreparedStatement sources = connection.prepareStatement("DELETE FROM register_source WHERE siren = ?")) {
            for (AcceptedDeclaration accepted : won) {
                usages.setString(1, accepted.unit().siren());
                usages.addBatch();
                sources.setString(1, accepted.unit().siren());
                sources.addBatch();
            }
            usages.executeBatch();
            sources.executeBatch();
        }
    }

    private static void insert(Connection connection, List<AcceptedDeclaration> won) throws SQLException {
        try (PreparedStatement source = connection.prepareStatement("INSERT INTO register_source (siren, declaration_id, period_start,"
                + " sequence, issued_at, payload_hash) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement usages = connection.prepareStatement("INSERT INTO register_usage (siren, usage_id, departement, epci,"
                     + " name, ai_act, usage_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (AcceptedDeclaration accepted : won) {
                Declaration d = accepted.declaration();
                String siren = accepted.unit().siren();
                source.setString(1, siren);
                source.setObject(2, accepted.id());
                source.setObject(3, d.period().start());
                source.setLong(4, d.sequence());
                Sql.setInstant(source, 5, d.issuedAt());
                source.setString(6, accepted.payloadHash());
                source.addBatch();
                for (AiUsage usage : d.inventory().usages()) {
                    if (usage.publication() != PublicationLevel.PUBLIC_REGISTER) {
                        continue;
                    }
                    usages.setString(1, siren);
                    usages.setString(2, usage.id());
                    usages.setString(3, accepted.unit().departement());
                    usages.setString(4, accepted.unit().epci());
                    usages.setString(5, usage.name());
                    usages.setString(6, usage.aiAct().riskClass().name());
                    usages.setString(7, new String(ProtocolJson.write(usage), StandardCharsets.UTF_8));
                    usages.addBatch();
                }
            }
            source.executeBatch();
            usages.executeBatch();
        }
    }
}
