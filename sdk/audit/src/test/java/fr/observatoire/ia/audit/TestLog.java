package fr.observatoire.ia.audit;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.merkle.InMemorySubtreeHashes;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.merkle.MerkleTree;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.testing.SampleDeclarations;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteSigner;
import fr.observatoire.ia.protocol.tlog.TlogProof;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A real log built with the protocol classes: Nice's signed declarations (and a key-event statement of the
 * observatory) as leaves, checkpoints signed by the log key, receipts as the observatory gives them.
 */
final class TestLog {
    static final String ORIGIN = "observatoire.test/log";

    final NoteSigner signer = new NoteSigner(ORIGIN, SigningKey.generate());
    final SigningKey collectivite = SigningKey.generate();
    final List<String> leaves = new ArrayList<>();
    final List<Declaration> declarations = new ArrayList<>();

    /** A log of {@code count} chained declarations, with a key enrolment statement first. */
    static TestLog withDeclarations(int count) {
        TestLog log = new TestLog();
        log.leaves.add("{\"event\":\"KEY_ENROLMENT\",\"siren\":\"210600888\",\"kid\":\"" + log.collectivite.kid() + "\"}");
        String previous = null;
        for (int sequence = 1; sequence <= count; sequence++) {
            Declaration declaration = SampleDeclarations.declaration(sequence, previous, LocalDate.of(2026, 1, 5).plusWeeks(sequence));
            byte[] payload = ProtocolJson.write(declaration);
            log.leaves.add(Jws.sign(log.collectivite, Jws.TYP_DECLARATION, payload));
            log.declarations.add(declaration);
            previous = Hashes.declarationHash(payload);
        }
        return log;
    }

    String vkey() {
        return signer.verifier().vkey();
    }

    MerkleTree tree(List<String> data) {
        InMemorySubtreeHashes hashes = new InMemorySubtreeHashes();
        data.forEach(leaf -> hashes.append(MerkleHashes.leafHash(leaf.getBytes(StandardCharsets.UTF_8))));
        return new MerkleTree(hashes);
    }

    /** The signed checkpoint of the first {@code size} leaves of {@code data}. */
    String signedCheckpoint(List<String> data, long size) {
        return signer.sign(new Checkpoint(ORIGIN, size, tree(data).root(size)).text());
    }

    String signedCheckpoint(long size) {
        return signedCheckpoint(leaves, size);
    }

    /** The JWS of declaration {@code sequence} (leaf {@code sequence}, after the key statement). */
    String jws(int sequence) {
        return leaves.get(sequence);
    }

    Receipt receipt(int sequence) {
        Declaration declaration = declarations.get(sequence - 1);
        String jws = jws(sequence);
        String hash = Hashes.declarationHash(ProtocolJson.write(declaration));
        TlogProof proof = new TlogProof(sequence, tree(leaves).inclusionProof(sequence, leaves.size()), signedCheckpoint(leaves.size()));
        return new Receipt(declaration.id(), declaration.declarant().siren(), declaration.sequence(), hash,
                Instant.parse("2026-03-01T10:00:00Z"), (long) sequence, proof.text());
    }

    /** The entries as the API lists them: a JSON array of leaf data. */
    String entriesJson(List<String> data) {
        return new String(ProtocolJson.write(data), StandardCharsets.UTF_8);
    }
}
