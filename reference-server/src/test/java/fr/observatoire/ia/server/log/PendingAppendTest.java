package fr.observatoire.ia.server.log;

import fr.observatoire.ia.protocol.merkle.InMemorySubtreeHashes;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.merkle.MerkleProofs;
import fr.observatoire.ia.protocol.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appending in batches from a frontier (what the server does) gives the roots, proofs and stored
 * subtrees of the reference tree built leaf by leaf, for every way of cutting the leaves into batches.
 */
class PendingAppendTest {
    @Test
    void batchesFromTheFrontierAgreeWithTheReferenceTree() throws Exception {
        Random random = new Random(42);
        for (int run = 0; run < 30; run++) {
            InMemorySubtreeHashes reference = new InMemorySubtreeHashes();
            Map<NodeKey, byte[]> stored = new HashMap<>();
            Frontier frontier = Frontier.of(0, (level, index) -> {
                throw new AssertionError("the empty tree has no subtree");
            });
            int total = 0;
            while (total < 300) {
                PendingAppend pending = new PendingAppend(frontier);
                int batch = 1 + random.nextInt(run % 3 == 0 ? 3 : 40);
                for (int i = 0; i < batch; i++) {
                    byte[] data = ("leaf " + total).getBytes(StandardCharsets.UTF_8);
                    assertThat(pending.add(data)).isEqualTo(total);
                    stored.put(new NodeKey(0, total), MerkleHashes.leafHash(data));
                    reference.append(MerkleHashes.leafHash(data));
                    total++;
                }
                MerkleTree tree = new MerkleTree(reference);
                assertThat(pending.root()).isEqualTo(tree.root(total));
                for (long index = pending.startSize(); index < total; index++) {
                    assertThat(pending.inclusionProof(index)).containsExactlyElementsOf(tree.inclusionProof(index, total));
                    MerkleProofs.verifyInclusion(index, total, pending.leafHash(index), pending.inclusionProof(index), tree.root(total));
                }
                for (PendingAppend.NewNode node : pending.newNodes()) {
                    assertThat(node.hash()).isEqualTo(reference.get(node.key().level(), node.key().index()));
                    stored.put(node.key(), node.hash());
                }
                frontier = pending.frontier();
                // What a restarted server reads back from the stored subtrees is the same frontier.
                Frontier reread = Frontier.of(total, (level, index) -> stored.get(new NodeKey(level, index)));
                assertThat(reread.matches(frontier.size(), frontier.root())).isTrue();
            }
        }
    }
}
