package fr.observatoire.ia.protocol.tlog;

import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.merkle.InMemorySubtreeHashes;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.merkle.MerkleTree;
import fr.observatoire.ia.protocol.merkle.ProofException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedNoteTest {
    /** The example of golang.org/x/mod/sumdb/note, which C2SP signed-note formalises. */
    private static final String SKEY_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private static final String SIGNED = TEXT
            + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static NoteSigner goExampleSigner() {
        byte[] typed = Base64.getDecoder().decode(SKEY_SEED);
        return new NoteSigner("PeterNeumann", SigningKey.fromSeed(Arrays.copyOfRange(typed, 1, typed.length)));
    }

    @Test
    void signingTheGoExampleGivesTheSameNoteAndVerifierKey() {
        NoteSigner signer = goExampleSigner();
        assertThat(signer.verifier().vkey()).isEqualTo(VKEY);
        assertThat(signer.sign(TEXT)).isEqualTo(SIGNED);
    }

    @Test
    void theGoExampleVerifiesAndATamperedOneDoesNot() throws NoteException {
        NoteVerifier verifier = NoteVerifier.parse(VKEY);
        assertThat(verifier.verify(SIGNED)).isEqualTo(TEXT);
        assertThatThrownBy(() -> verifier.verify(SIGNED.replace("cryptography", "cryptographY")))
                .isInstanceOf(NoteException.class).hasMessageContaining("does not verify");
    }

    @Test
    void aNoteSignedByAnotherKeyOfTheSameNameIsRefused() {
        NoteSigner impostor = new NoteSigner("PeterNeumann", SigningKey.generate());
        assertThatThrownBy(() -> NoteVerifier.parse(VKEY).verify(impostor.sign(TEXT)))
                .isInstanceOf(NoteException.class).hasMessageContaining("no signature by PeterNeumann");
    }

    @Test
    void aVerifierKeyWithAWrongIdIsRefused() {
        assertThatThrownBy(() -> NoteVerifier.parse(VKEY.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(NoteException.class);
    }

    @Test
    void aReceiptProvesInclusionInASignedCheckpoint() throws Exception {
        NoteSigner log = new NoteSigner("observatoire-ia.example/log", SigningKey.generate());
        InMemorySubtreeHashes hashes = new InMemorySubtreeHashes();
        byte[][] leaves = new byte[13][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = ("eyJhbGciOiJFZERTQSJ9.declaration-" + i + ".sig").getBytes(StandardCharsets.US_ASCII);
            hashes.append(MerkleHashes.leafHash(leaves[i]));
        }
        MerkleTree tree = new MerkleTree(hashes);
        Checkpoint checkpoint = new Checkpoint("observatoire-ia.example/log", 13, tree.root(13));
        TlogProof proof = new TlogProof(7, tree.inclusionProof(7, 13), log.sign(checkpoint.text()));

        TlogProof reparsed = TlogProof.parse(proof.text());
        ReceiptVerifier verifier = new ReceiptVerifier(NoteVerifier.parse(log.verifier().vkey()));
        Checkpoint verified = verifier.verifyInclusion(leaves[7], reparsed);
        assertThat(verified.size()).isEqualTo(13);
        assertThat(verified.rootHash()).isEqualTo(checkpoint.rootHash());

        assertThatThrownBy(() -> verifier.verifyInclusion(leaves[6], reparsed)).isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> new ReceiptVerifier(new NoteSigner("observatoire-ia.example/log", SigningKey.generate()).verifier())
                .verifyInclusion(leaves[7], reparsed)).isInstanceOf(NoteException.class);
    }

    @Test
    void malformedCheckpointsAreRefused() {
        for (String bad : new String[]{"origin\n", "origin\n-1\nAAAA\n", "origin\n01\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n",
                "origin\n1\nnot base64!\n", "origin\n1\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n"}) {
            assertThatThrownBy(() -> Checkpoint.parse(bad)).as(bad).isInstanceOf(NoteException.class);
        }
    }
}
