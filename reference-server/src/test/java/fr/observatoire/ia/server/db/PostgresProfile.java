package fr.observatoire.ia.server.db;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.UUID;

/**
 * Runs the server on PostgreSQL, switched exactly as an operator does it at run time: H2 deactivated,
 * the "pg" datasource given a URL. Each run gets a fresh schema, so runs never see each other's data.
 */
public class PostgresProfile implements QuarkusTestProfile {
    /** One schema per JVM: the profile and the test that drops it afterwards must agree on it. */
    public static final String SCHEMA = "observatoire_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public static String url() {
        return System.getProperty("observatoire.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String user() {
        return System.getProperty("observatoire.pg.user", "postgres");
    }

    public static String password() {
        return System.getProperty("observatoire.pg.password", "");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String separator = url().contains("?") ? "&" : "?";
        return Map.of(
                "quarkus.datasource.active", "false",
                "quarkus.datasource.pg.jdbc.url", url() + separator + "currentSchema=" + SCHEMA,
                "quarkus.datasource.pg.username", user(),
                "quarkus.datasource.pg.password", password(),
                // Flyway creates the schema, then migrates it.
                "quarkus.flyway.pg.schemas", SCHEMA);
    }
}
