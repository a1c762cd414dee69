package fr.observatoire.ia.server.index;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.jose.Base64Url;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestDeclarations;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer takes many declarations per transaction; one that cannot be indexed (here: its stored payload is not a
 * declaration) holds back only itself, and is indexed once repaired.
 */
@QuarkusTest
@TestProfile(DeclarationIndexerTest.OwnDatabase.class)
class DeclarationIndexerTest {
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:observatoire-indexer;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
    }

    @Inject
    DeclarationIndexer indexer;
    @Inject
    Database database;

    @Test
    void a_declaration_that_cannot_be_indexed_holds_back_only_itself_and_is_indexed_once_repaired() {
        indexer.catchUp();
        List<UUID> ids = new ArrayList<>();
        List<String> jwss = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Enrolled commune = ObservatoireClient.enrolledCommune("Commune indexée " + i);
            Declaration declaration = TestDeclarations.first(commune.declarant());
            String jws = TestDeclarations.signed(commune.key(), declaration);
            assertThat(ObservatoireClient.submit(jws).statusCode()).isEqualTo(201);
            ids.add(declaration.id());
            jwss.add(jws);
        }
        UUID broken = ids.get(2);
        String[] parts = jwss.get(2).split("\\.");
        setJws(broken, parts[0] + "." + Base64Url.encode("{\"not\":\"a declaration\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);

        assertThat(indexer.catchUp()).isEqualTo(4);

        assertThat(indexed()).containsExactlyInAnyOrderElementsOf(ids.stream().filter(id -> !id.equals(broken)).toList());
        assertThat(StoreSnapshot.count(database, "stats_presence")).as("the four indexed ones have their facts").isPositive();

        setJws(broken, jwss.get(2));
        assertThat(indexer.catchUp()).isEqualTo(1);
        assertThat(indexed()).containsExactlyInAnyOrderElementsOf(ids);
    }

    private void setJws(UUID id, String jws) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE declaration SET jws = ? WHERE id = ?")) {
                update.setString(1, jws);
                update.setObject(2, id);
                return update.executeUpdate();
            }
        });
    }

    private Set<UUID> indexed() {
        return database.read(connection -> {
            Set<UUID> ids = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT declaration_id FROM stats_indexed");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }
}
