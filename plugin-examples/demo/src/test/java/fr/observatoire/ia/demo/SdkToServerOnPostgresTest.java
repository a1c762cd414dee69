package fr.observatoire.ia.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SDK talking over real HTTP to the packaged observatory running on PostgreSQL, as in production.
 * Skips without a PostgreSQL server unless {@code observatoire.pg.required=true} (CI), then fails.
 */
class SdkToServerOnPostgresTest {
    private static final Path SERVER_JAR = Path.of("../../reference-server/target/quarkus-app/quarkus-run.jar");
    private static final Path AGENT_JAR = Path.of("../agent-distribution/target/observatoire-agent.jar");
    private final String baseUrl = System.getProperty("observatoire.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String user = System.getProperty("observatoire.pg.user", "postgres");
    private final String database = "observatoire_demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void createDatabase() throws SQLException {
        assumeTrue(Files.isRegularFile(SERVER_JAR) && Files.isRegularFile(AGENT_JAR),
                "the reference server or the agent is not packaged (run from the reactor: mvn verify)");
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (Files.isRegularFile(SERVER_JAR)) {
            try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void theDemoCollectivitesDeclareToAnObservatoryOnPostgres() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = baseUrl.substring(0, baseUrl.lastIndexOf('/') + 1) + database;
        int accepted = DemoTerritory.run(new Options(port, Path.of("target", "demo-pg-data"), SERVER_JAR, AGENT_JAR, false, Map.of(
                "quarkus.datasource.active", "false",
                "quarkus.datasource.pg.jdbc.url", url,
                "quarkus.datasource.pg.username", user)));

        assertThat(accepted).isEqualTo(4);
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM declaration")) {
            rows.next();
            assertThat(rows.getLong(1)).as("declarations stored in PostgreSQL").isEqualTo(4);
        }
    }

    private Connection adminConnection() throws SQLException {
        try {
            return DriverManager.getConnection(baseUrl, user, "");
        } catch (SQLException unreachable) {
            boolean required = Boolean.getBoolean("observatoire.pg.required");
            assumeTrue(required, "no PostgreSQL at " + baseUrl + " (" + unreachable.getMessage() + ")");
            throw unreachable;
        }
    }
}
