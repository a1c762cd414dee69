package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestDeclarations;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.observatoire.ia.server.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** A collectivité over its quota is refused with 429 and Retry-After, stores nothing, and the others go on. */
@QuarkusTest
@TestProfile(QuotaOverHttpTest.TightQuota.class)
class QuotaOverHttpTest {
    public static class TightQuota implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("observatoire.declaration.quota-burst", "2", "observatoire.declaration.quota-per-minute", "1",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:observatoire-quota;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                            + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
    }

    @Inject
    Database database;

    @Test
    void the_third_declaration_within_a_minute_is_refused_and_another_collectivite_is_not() throws Exception {
        Enrolled busy = ObservatoireClient.enrolledCommune("Commune pressée");
        Enrolled other = ObservatoireClient.enrolledCommune("Commune tranquille");
        Declaration first = TestDeclarations.first(busy.declarant());
        Declaration second = TestDeclarations.declaration(busy.declarant(), 2, Hashes.declarationHash(TestDeclarations.payload(first)));
        Declaration third = TestDeclarations.declaration(busy.declarant(), 3, Hashes.declarationHash(TestDeclarations.payload(second)));
        assertThat(ObservatoireClient.submit(TestDeclarations.signed(busy.key(), first)).statusCode()).isEqualTo(201);
        assertThat(ObservatoireClient.submit(TestDeclarations.signed(busy.key(), second)).statusCode()).isEqualTo(201);
        String before = StoreSnapshot.take(database);

        Response refused = ObservatoireClient.submit(TestDeclarations.signed(busy.key(), third));

        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(StoreSnapshot.take(database)).isEqualTo(before);
        assertThat(ObservatoireClient.submit(TestDeclarations.signed(other.key(), TestDeclarations.first(other.declarant())))
                .statusCode()).isEqualTo(201);
    }
}
