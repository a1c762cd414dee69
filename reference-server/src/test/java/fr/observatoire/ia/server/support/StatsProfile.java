package fr.observatoire.ia.server.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The statistics, register, open data and dashboard tests: a database of their own, so that what other tests declare
 * does not change their figures (tests index on demand only, see application.properties).
 */
public class StatsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:h2:mem:observatoire-stats;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
