package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.server.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the public register (written by {@link RegisterFacts}). */
@ApplicationScoped
public class RegisterRepository {

    /** Which part of the register: one collectivité, one département, or all (null fields). */
    public record Selection(String siren, String departement) {
        public static final Selection ALL = new Selection(null, null);
    }

    public List<PublicUsage> list(Connection connection, Selection selection, int limit, int offset) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT c.siren, c.kind, c.name AS collectivite_name, c.insee_code, c.uai, c.population,"
                + " u.departement, u.epci, c.contact_email, u.usage_json, s.declaration_id, s.payload_hash, s.period_start, s.issued_at"
                + " FROM register_usage u JOIN register_source s ON s.siren = u.siren JOIN collectivite c ON c.siren = u.siren WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (selection.siren() != null) {
            sql.append(" AND u.siren = ?");
            parameters.add(selection.siren());
        }
        if (selection.departement() != null) {
            sql.append(" AND u.departement = ?");
            parameters.add(selection.departement());
        }
        sql.append(" ORDER BY c.name, u.siren, u.name, u.usage_id LIMIT ? OFFSET ?");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int index = Sql.bindStrings(select, 1, parameters);
            select.setInt(index++, limit);
            select.setInt(index, offset);
            try (ResultSet rows = select.executeQuery()) {
                List<PublicUsage> usages = new ArrayList<>();
                while (rows.next()) {
                    usages.add(usage(rows));
                }
                return usages;
            }
        }
    }

    private static PublicUsage usage(ResultSet rows) throws SQLException {
        PublicUsage.Organisation organisation = new PublicUsage.Organisation(rows.getString("siren"),
                DeclarantKind.valueOf(rows.getString("kind")), rows.getString("collectivite_name"), rows.getString("insee_code"),
                rows.getString("uai"), Sql.getLongOrNull(rows, "population"), rows.getString("departement"), rows.getString("epci"),
                rows.getString("contact_email"));
        AiUsage usage;
        try {
            usage = ProtocolJson.read(rows.getString("usage_json").getBytes(StandardCharsets.UTF_8), AiUsage.class);
        } catch (InvalidJsonException e) {
            // Written by RegisterFacts from a verified declaration: unreadable means a bug, not bad input.
            throw new IllegalStateException("unreadable register entry of " + organisation.siren(), e);
        }
        PublicUsage.Source source = new PublicUsage.Source(rows.getObject("declaration_id", UUID.class), rows.getString("payload_hash"),
                rows.getObject("period_start", LocalDate.class), Sql.getInstant(rows, "issued_at"));
        return new PublicUsage(organisation, usage, source);
    }
}
