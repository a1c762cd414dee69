package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.support.Concurrently;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.StoreSnapshot;
import fr.observatoire.ia.server.support.TestDeclarations;
import fr.observatoire.ia.server.support.TestSirens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients retry, and retries race: simultaneous requests for the same thing get one success and
 * consistent answers for the others, never a 5xx, and the store holds one row.
 */
@QuarkusTest
class ConcurrentSubmissionTest {
    private static final int CLIENTS = 8;

    @Inject
    Database database;

    @Test
    void theSameDeclarationSentByEveryoneAtOnce() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune pressée");
        String jws = TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()));
        long before = StoreSnapshot.count(database, "declaration");

        List<Response> responses = Concurrently.run(CLIENTS, i -> ObservatoireClient.submit(jws));

        assertThat(responses).extracting(Response::statusCode).containsOnlyOnce(201).containsOnly(201, 200);
        assertThat(responses).extracting(Response::asString).containsOnly(responses.get(0).asString());
        assertThat(StoreSnapshot.count(database, "declaration")).isEqualTo(before + 1);
    }

    @Test
    void differentDeclarationsClaimingTheSameSequence() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune en double");
        List<String> rivals = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Declaration declaration = TestDeclarations.first(commune.declarant());
            rivals.add(TestDeclarations.signed(commune.key(), declaration));
        }

        List<Response> responses = Concurrently.run(CLIENTS, i -> ObservatoireClient.submit(rivals.get(i)));

        assertThat(responses).extracting(Response::statusCode).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409)
                .allSatisfy(r -> assertThat(r.asString()).contains("stale-sequence"));
    }

    @Test
    void oneCodeForManyKeysAtOnce() throws Exception {
        String siren = TestSirens.random();
        String code = ObservatoireClient.registerCommune(siren, "Commune aux clés multiples");
        List<String> enrolments = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            enrolments.add(ObservatoireClient.enrolmentJws(SigningKey.generate(), siren, code));
        }

        List<Response> responses = Concurrently.run(CLIENTS, i -> ObservatoireClient.enrol(enrolments.get(i)));

        assertThat(responses).extracting(Response::statusCode).containsOnlyOnce(201).containsOnly(201, 409);
    }
}
