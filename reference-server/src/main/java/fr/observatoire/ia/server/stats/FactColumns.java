package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.index.Unit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The columns the fact tables share, and how they are bound: a bucket's key, the unit's coordinates (copied into
 * every fact row, so that statistics never join) and a usage's attributes. Binders return the next parameter index.
 */
final class FactColumns {
    static final List<String> BUCKET_COLUMNS = List.of("grain", "bucket", "siren");
    static final List<String> UNIT_COLUMNS = List.of("departement", "epci", "commune", "stratum", "kind");
    static final List<String> USAGE_COLUMNS = List.of("purpose", "maturity", "stage", "governance", "hosting", "ai_act", "publication");
    static final String UNIT = String.join(", ", UNIT_COLUMNS);
    static final String USAGE = String.join(", ", USAGE_COLUMNS);

    private FactColumns() {
    }

    /** A usage's values for the {@link #USAGE_COLUMNS}, in their order. */
    static List<String> usageValues(AiUsage usage) {
        return List.of(usage.purpose().name(), usage.maturity().name(), Stage.of(usage.maturity()).name(), usage.governance().name(),
                usage.hosting().name(), usage.aiAct().riskClass().name(), usage.publication().name());
    }

    /** The {@link #BUCKET_COLUMNS}. */
    static int bindBucket(PreparedStatement statement, int first, TimeGrain grain, LocalDate bucket, String siren) throws SQLException {
        statement.setString(first, grain.code());
        statement.setObject(first + 1, bucket);
        statement.setString(first + 2, siren);
        return first + 3;
    }

    /** The {@link #UNIT_COLUMNS}. */
    static int bindUnit(PreparedStatement statement, int first, Unit unit) throws SQLException {
        // Arrays.asList: a unit may lack any of its coordinates but its kind.
        return Sql.bindStrings(statement, first, Arrays.asList(unit.departement(), unit.epci(), unit.commune(),
                unit.stratum() == null ? null : unit.stratum().name(), unit.kind().name()));
    }
}
