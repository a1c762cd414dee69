package fr.observatoire.ia.server.support;

import fr.observatoire.ia.protocol.json.InvalidJsonException;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.merkle.InMemorySubtreeHashes;
import fr.observatoire.ia.protocol.merkle.MerkleProofs;
import fr.observatoire.ia.protocol.merkle.MerkleTree;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.protocol.tlog.ReceiptVerifier;
import fr.observatoire.ia.protocol.tlog.TlogProof;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What an SDK or an auditor does with the transparency log, over HTTP, with the protocol's own verifiers. */
public final class LogClient {
    private LogClient() {
    }

    /** The published verifier key, parsed (its key id checked against its name and key). */
    public static NoteVerifier logKey() throws Exception {
        Response response = given().get("/api/v1/log/key");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        return NoteVerifier.parse(response.asString());
    }

    /** The latest checkpoint, verified with the published key. */
    public static Checkpoint checkpoint() throws Exception {
        Response response = given().get("/api/v1/log/checkpoint");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/plain;charset=utf-8");
        return Checkpoint.verify(response.asString(), logKey());
    }

    /** Checks a receipt as the SDK does: the JWS it sent is the leaf at logIndex of a checkpoint the log signed. */
    public static Checkpoint verifyReceipt(Receipt receipt, String compactJws) throws Exception {
        assertThat(receipt.logIndex()).isNotNull();
        TlogProof proof = TlogProof.parse(receipt.tlogProof());
        assertThat(proof.index()).isEqualTo(receipt.logIndex());
        return new ReceiptVerifier(logKey()).verifyInclusion(compactJws.getBytes(StandardCharsets.US_ASCII), proof);
    }

    /** The receipt of an accepted declaration (201, or 200 for a resubmission). */
    public static Receipt receipt(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 201);
        try {
            return ProtocolJson.read(response.asByteArray(), Receipt.class);
        } catch (InvalidJsonException e) {
            throw new AssertionError("not a receipt: " + response.asString(), e);
        }
    }

    /** Checks that the tree of {@code older} is a prefix of the tree of {@code newer}, with the log's consistency proof. */
    public static void verifyConsistency(Checkpoint older, Checkpoint newer) throws Exception {
        assertThat(older.size()).isLessThanOrEqualTo(newer.size());
        if (older.size() == 0) {
            return; // the empty tree is a prefix of every tree
        }
        if (older.size() == newer.size()) {
            assertThat(older.rootHash()).isEqualTo(newer.rootHash());
            return;
        }
        JsonPath proof = given().queryParam("from", older.size()).queryParam("to", newer.size())
                .get("/api/v1/log/proofs/consistency").then().statusCode(200).extract().jsonPath();
        MerkleProofs.verifyConsistency(older.size(), newer.size(), older.rootHash(), newer.rootHash(), hashes(proof.getList("proof")));
    }

    /** Every leaf hash of the log, read page by page from the public entries. */
    public static List<Map<String, Object>> allEntries() {
        List<Map<String, Object>> entries = new ArrayList<>();
        while (true) {
            List<Map<String, Object>> page = given().queryParam("start", entries.size()).queryParam("limit", 1000)
                    .get("/api/v1/log/entries").then().statusCode(200).extract().jsonPath().getList("");
            if (page.isEmpty()) {
                return entries;
            }
            entries.addAll(page);
        }
    }

    /** The root of the first {@code size} entries, recomputed from their leaf hashes by the auditor. */
    public static byte[] recomputedRoot(List<Map<String, Object>> entries, long size) {
        InMemorySubtreeHashes hashes = new InMemorySubtreeHashes();
        for (int i = 0; i < size; i++) {
            hashes.append(Base64.getDecoder().decode((String) entries.get(i).get("leafHash")));
        }
        return new MerkleTree(hashes).root(size);
    }

    public static List<byte[]> hashes(List<String> base64) {
        return base64.stream().map(h -> Base64.getDecoder().decode(h)).toList();
    }
}
