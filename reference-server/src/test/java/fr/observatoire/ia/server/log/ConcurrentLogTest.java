package fr.observatoire.ia.server.log;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.server.support.Concurrently;
import fr.observatoire.ia.server.support.LogClient;
import fr.observatoire.ia.server.support.ObservatoireClient;
import fr.observatoire.ia.server.support.ObservatoireClient.Enrolled;
import fr.observatoire.ia.server.support.TestDeclarations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.server.support.ObservatoireClient.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many declarants at once: appends are serialised and batched, and the log that results is exactly
 * the one its checkpoints sign, every receipt included.
 */
@QuarkusTest
class ConcurrentLogTest {
    private static final int DECLARANTS = 16;
    private static final int DECLARATIONS_EACH = 10;

    /** One declarant's chain, and the receipts it got. */
    private record Sent(String jws, Receipt receipt) {
    }

    @Test
    void concurrentChainsLeaveOneConsistentLog() throws Exception {
        Checkpoint before = LogClient.checkpoint();
        List<Enrolled> communes = new ArrayList<>();
        for (int i = 0; i < DECLARANTS; i++) {
            communes.add(ObservatoireClient.enrolledCommune("Commune concurrente " + i));
        }

        List<List<Sent>> chains = Concurrently.run(DECLARANTS, i -> declareTenTimes(communes.get(i)));

        Checkpoint after = LogClient.checkpoint();
        LogClient.verifyConsistency(before, after);
        List<Map<String, Object>> entries = LogClient.allEntries();
        assertThat(entries).hasSize((int) after.size());
        assertThat(LogClient.recomputedRoot(entries, after.size())).isEqualTo(after.rootHash());
        List<Long> indexes = new ArrayList<>();
        for (List<Sent> chain : chains) {
            assertThat(chain).hasSize(DECLARATIONS_EACH);
            for (Sent sent : chain) {
                Checkpoint included = LogClient.verifyReceipt(sent.receipt(), sent.jws());
                LogClient.verifyConsistency(included, after);
                indexes.add(sent.receipt().logIndex());
            }
        }
        assertThat(indexes).doesNotHaveDuplicates().hasSize(DECLARANTS * DECLARATIONS_EACH);
    }

    private static List<Sent> declareTenTimes(Enrolled commune) {
        List<Sent> sent = new ArrayList<>();
        Declaration declaration = TestDeclarations.first(commune.declarant());
        for (int i = 0; i < DECLARATIONS_EACH; i++) {
            String jws = TestDeclarations.signed(commune.key(), declaration);
            Response response = submit(jws);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
            Receipt receipt = LogClient.receipt(response);
            sent.add(new Sent(jws, receipt));
            declaration = TestDeclarations.next(commune.declarant(), receipt);
        }
        return sent;
    }
}
