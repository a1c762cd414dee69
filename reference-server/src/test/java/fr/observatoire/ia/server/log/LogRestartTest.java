package fr.observatoire.ia.server.log;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.support.LogClient;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.TestDeclarations;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.server.support.ObservatoireClient.submit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log lives in the database, not in the process: a log service that knows nothing (a restarted
 * server, another instance) reads the head and the frontier back, appends correctly, and the running
 * one notices the head moved and does the same.
 */
@QuarkusTest
class LogRestartTest {
    @Inject
    Database database;
    @Inject
    LogKey key;
    @Inject
    LogRepository repository;

    @Test
    void aFreshLogServiceContinuesTheStoredLogAndBackfillsOlderDeclarations() throws Exception {
        Enrolled commune = ObservatoireClient.enrolledCommune("Commune redémarrée");
        Receipt first = LogClient.receipt(submit(TestDeclarations.signed(commune.key(), TestDeclarations.first(commune.declarant()))));
        Checkpoint before = LogClient.checkpoint();

        // A declaration stored as the V1 server stored them: in the declaration table, not in the log.
        Declaration older = TestDeclarations.next(commune.declarant(), first);
        String jws = TestDeclarations.signed(commune.key(), older);
        insertOutsideTheLog(commune, older, jws);

        TransparencyLog restarted = new TransparencyLog(key, repository, new NodeCache());
        new LogStartup(database, restarted).prepare();

        Checkpoint after = LogClient.checkpoint();
        assertThat(after.size()).isEqualTo(before.size() + 1);
        LogClient.verifyConsistency(before, after);
        Receipt backfilled = LogClient.receipt(given().get("/api/v1/declarations/{id}/receipt", older.id()));
        assertThat(backfilled.logIndex()).isEqualTo(before.size());
        LogClient.verifyReceipt(backfilled, jws);
        // Idempotent: nothing left to append, nothing to sign.
        new LogStartup(database, restarted).prepare();
        assertThat(LogClient.checkpoint().size()).isEqualTo(after.size());

        // The running server's log kept an older frontier: it must see the head moved and read it back.
        Receipt next = LogClient.receipt(submit(TestDeclarations.signed(commune.key(), TestDeclarations.next(commune.declarant(), backfilled))));
        Checkpoint latest = LogClient.checkpoint();
        LogClient.verifyConsistency(after, latest);
        List<Map<String, Object>> entries = LogClient.allEntries();
        assertThat(LogClient.recomputedRoot(entries, latest.size())).isEqualTo(latest.rootHash());
        assertThat(next.logIndex()).isGreaterThanOrEqualTo(after.size());
    }

    private void insertOutsideTheLog(Enrolled commune, Declaration declaration, String jws) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO declaration (id, siren, kid, sequence, previous_hash,"
                    + " payload_hash, jws, period_kind, period_start, period_end, issued_at, received_at, usage_count, activity_total)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 142)")) {
                insert.setObject(1, declaration.id());
                insert.setString(2, commune.siren());
                insert.setString(3, commune.key().kid());
                insert.setLong(4, declaration.sequence());
                insert.setString(5, declaration.previousHash());
                insert.setString(6, Hashes.declarationHash(TestDeclarations.payload(declaration)));
                insert.setString(7, jws);
                insert.setString(8, declaration.period().kind().name());
                insert.setObject(9, declaration.period().start());
                insert.setObject(10, declaration.period().end());
                Sql.setInstant(insert, 11, declaration.issuedAt());
                Sql.setInstant(insert, 12, Sql.now());
                insert.executeUpdate();
            }
            // The V2 migration sets every declarant's chain head from the stored declarations.
            try (PreparedStatement head = connection.prepareStatement("UPDATE declarant_chain SET last_sequence = ?, last_hash = ?,"
                    + " last_id = ? WHERE siren = ?")) {
                head.setLong(1, declaration.sequence());
                head.setString(2, Hashes.declarationHash(TestDeclarations.payload(declaration)));
                head.setObject(3, declaration.id());
                head.setString(4, commune.siren());
                return head.executeUpdate();
            }
        });
    }
}
