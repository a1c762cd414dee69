package fr.observatoire.ia.protocol.merkle;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proofs from random trees verify; the same proofs tampered do not. */
class MerkleTreePropertiesTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHashes.leafHash(("déclaration " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    private static MerkleTree tree(List<byte[]> leaves) {
        InMemorySubtreeHashes hashes = new InMemorySubtreeHashes();
        leaves.forEach(hashes::append);
        return new MerkleTree(hashes);
    }

    /** MTH written straight from RFC 9162 §2.1.1, as the reference. */
    private static byte[] naiveRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHashes.nodeHash(naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
    }

    @Property(tries = 200)
    void rootsMatchTheRfcDefinition(@ForAll @IntRange(min = 0, max = 300) int size) {
        List<byte[]> leaves = leaves(size);
        assertThat(tree(leaves).root(size)).isEqualTo(naiveRoot(leaves));
    }

    @Property(tries = 300)
    void inclusionProofsVerifyAndTamperedOnesDoNot(@ForAll @IntRange(min = 1, max = 300) int size,
                                                   @ForAll @IntRange(min = 0, max = 299) int rawIndex,
                                                   @ForAll @IntRange(min = 0, max = 255) int bit) {
        int index = rawIndex % size;
        List<byte[]> leaves = leaves(size);
        MerkleTree tree = tree(leaves);
        byte[] root = tree.root(size);
        List<byte[]> proof = tree.inclusionProof(index, size);
        assertThatCode(() -> MerkleProofs.verifyInclusion(index, size, leaves.get(index), proof, root)).doesNotThrowAnyException();

        if (!proof.isEmpty()) {
            List<byte[]> tampered = new ArrayList<>(proof);
            byte[] flipped = tampered.get(bit % tampered.size()).clone();
            flipped[bit % 32] ^= 1;
            tampered.set(bit % tampered.size(), flipped);
            assertThatThrownBy(() -> MerkleProofs.verifyInclusion(index, size, leaves.get(index), tampered, root))
                    .isInstanceOf(ProofException.class);
        }
        assertThatThrownBy(() -> MerkleProofs.verifyInclusion(index, size, MerkleHashes.leafHash(new byte[]{1}), proof, root))
                .isInstanceOf(ProofException.class);
    }

    @Property(tries = 300)
    void consistencyProofsVerifyAndTamperedOnesDoNot(@ForAll @IntRange(min = 1, max = 300) int size2,
                                                     @ForAll @IntRange(min = 1, max = 300) int rawSize1,
                                                     @ForAll @IntRange(min = 0, max = 255) int bit) {
        int size1 = 1 + (rawSize1 - 1) % size2;
        MerkleTree tree = tree(leaves(size2));
        byte[] root1 = tree.root(size1);
        byte[] root2 = tree.root(size2);
        List<byte[]> proof = tree.consistencyProof(size1, size2);
        assertThatCode(() -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, proof)).doesNotThrowAnyException();

        if (!proof.isEmpty()) {
            List<byte[]> tampered = new ArrayList<>(proof);
            byte[] flipped = tampered.get(bit % tampered.size()).clone();
            flipped[bit % 32] ^= 1;
            tampered.set(bit % tampered.size(), flipped);
            assertThatThrownBy(() -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, tampered))
                    .isInstanceOf(ProofException.class);
        }
        if (size1 < size2) {
            byte[] forkedRoot2 = MerkleHashes.nodeHash(root2, root2);
            assertThatThrownBy(() -> MerkleProofs.verifyConsistency(size1, size2, root1, forkedRoot2, proof))
                    .isInstanceOf(ProofException.class);
        }
    }
}
