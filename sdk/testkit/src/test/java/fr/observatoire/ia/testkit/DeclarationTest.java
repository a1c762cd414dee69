package fr.observatoire.ia.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.Ids;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.testing.SampleDeclarations;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.merkle.MerkleProofs;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import fr.observatoire.ia.protocol.tlog.ReceiptVerifier;
import fr.observatoire.ia.protocol.tlog.TlogProof;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.observatoire.ia.testkit.EnrolmentTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/declarations: real signatures, the schema and the model, the signer, duplicates, receipts in a real log. */
class DeclarationTest {
    private static final Declarant CANNES = new Declarant(DeclarantKind.COMMUNE, "210600292", "06029", null, "Cannes");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-16");
    private static final SigningKey NICE_KEY = SigningKey.generate();
    private static final SigningKey CANNES_KEY = SigningKey.generate();

    /** A day after the sample declarations of the week of {@link #MONDAY} were issued. */
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @RegisterExtension
    static final FakeObservatoryExtension EXTENSION = new FakeObservatoryExtension(
            FakeObservatory.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)));

    @BeforeAll
    static void enrol() {
        EXTENSION.get().enrol(SampleDeclarations.NICE, NICE_KEY.publicJwk());
        EXTENSION.get().enrol(CANNES, CANNES_KEY.publicJwk());
    }

    @Test
    void aDeclarationSignedWithTheEnrolledKeyIsAcceptedWithAReceiptInTheLog(FakeObservatory observatory) throws Exception {
        Declaration declaration = SampleDeclarations.first(MONDAY);
        String jws = Signed.declaration(NICE_KEY, declaration);

        HttpResponse<String> response = Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains(FakeObservatory.DECLARATIONS_PATH + "/" + declaration.id());
        Receipt receipt = Http.json(response, Receipt.class);
        byte[] payload = ProtocolJson.write(declaration);
        assertThat(receipt.declarationId()).isEqualTo(declaration.id());
        assertThat(receipt.siren()).isEqualTo("210600888");
        assertThat(receipt.sequence()).isEqualTo(1);
        assertThat(receipt.declarationHash()).isEqualTo(Hashes.declarationHash(payload));
        assertThat(new ReceiptVerifier(observatory.logKey()).verifyInclusion(jws.getBytes(StandardCharsets.US_ASCII),
                TlogProof.parse(receipt.tlogProof())).size()).isGreaterThan(receipt.logIndex());

        ReceivedDeclaration received = observatory.awaitDeclarations(1, Duration.ofSeconds(1)).get(0);
        assertThat(received.declaration()).isEqualTo(declaration);
        assertThat(received.payload()).isEqualTo(payload);
        assertThat(received.jws()).isEqualTo(jws);
        assertThat(received.kid()).isEqualTo(NICE_KEY.kid());
        assertThat(received.receipt()).isEqualTo(receipt);
    }

    @Test
    void theSameDeclarationAgainGetsTheSameReceiptAndADifferentOneWithTheSameIdOrPlaceIsRefused(FakeObservatory observatory)
            throws Exception {
        Declaration declaration = SampleDeclarations.first(MONDAY);
        String jws = Signed.declaration(NICE_KEY, declaration);
        HttpResponse<String> first = Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws);

        HttpResponse<String> again = Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, jws);
        Declaration sameIdOtherContent = copy(declaration, declaration.id(), List.of());
        Declaration otherIdSameSequence = copy(declaration, Ids.uuidV7(declaration.issuedAt()), declaration.activity());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertProblem(Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, Signed.declaration(NICE_KEY, sameIdOtherContent)),
                409, "declaration-conflict");
        assertProblem(Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, Signed.declaration(NICE_KEY, otherIdSameSequence)),
                409, "stale-sequence");
        assertThat(observatory.declarations()).hasSize(1);
    }

    @Test
    void forgedAndBrokenDeclarationsAreRefusedWithTheProtocolsProblems(FakeObservatory observatory) throws Exception {
        Declaration declaration = SampleDeclarations.first(MONDAY);
        byte[] payload = ProtocolJson.write(declaration);
        String good = Signed.declaration(NICE_KEY, payload);
        Map<String, Object> header = new LinkedHashMap<>(Map.of("alg", "EdDSA", "typ", Jws.TYP_DECLARATION, "kid", NICE_KEY.kid()));
        Map<String, Object> critical = new LinkedHashMap<>(header);
        critical.put("crit", List.of("exp"));
        Map<String, Object> hmac = new LinkedHashMap<>(header);
        hmac.put("alg", "HS256");

        List<Refused> cases = List.of(
                new Refused("alg none, no signature", Signed.unsecured(NICE_KEY.kid(), payload), 400, "algorithm-not-accepted"),
                new Refused("alg HS256", Signed.withHeader(NICE_KEY, hmac, payload), 400, "algorithm-not-accepted"),
                new Refused("a tampered payload", Signed.tampered(good, ProtocolJson.write(copy(declaration, declaration.id(), List.of()))),
                        403, "signature-invalid"),
                new Refused("signed by another key under the enrolled kid", Signed.withHeader(SigningKey.generate(), header, payload),
                        403, "signature-invalid"),
                new Refused("an unknown key", Signed.declaration(SigningKey.generate(), payload), 403, "unknown-key"),
                new Refused("Cannes' key for Nice's declaration", Signed.declaration(CANNES_KEY, payload), 403, "key-declarant-mismatch"),
                new Refused("a field outside the schema", Signed.declaration(NICE_KEY, withExtraField(payload)), 422, "invalid-declaration"),
                new Refused("activity of a usage absent from the inventory (the model's rule)",
                        Signed.declaration(NICE_KEY, withUnknownUsage(payload)), 422, "invalid-declaration"),
                new Refused("a payload that is not JSON", Signed.declaration(NICE_KEY, Signed.utf8("<xml/>")), 400, "malformed-json"),
                new Refused("a crit header", Signed.withHeader(NICE_KEY, critical, payload), 400, "critical-header-unsupported"),
                new Refused("an enrolment JWS", Jws.signWithEmbeddedKey(NICE_KEY, Jws.TYP_ENROLMENT, payload), 400, "wrong-jws-type"),
                new Refused("two parts", good.substring(0, good.lastIndexOf('.')), 400, "malformed-jws"));

        for (Refused refused : cases) {
            HttpResponse<String> response = Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, refused.jws());
            assertThat(response.statusCode()).as(refused.what() + ": " + response.body()).isEqualTo(refused.status());
            assertThat(Http.problem(response).slug()).as(refused.what()).isEqualTo(refused.slug());
        }
        assertThat(observatory.declarations()).isEmpty();
        assertThat(observatory.refusals()).hasSize(cases.size());
        assertThat(Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, good).statusCode()).isEqualTo(201);
    }

    @Test
    void theEnvelopeIsCheckedFirst(FakeObservatory observatory) throws Exception {
        byte[] good = Signed.declaration(NICE_KEY, SampleDeclarations.first(MONDAY)).getBytes(StandardCharsets.US_ASCII);

        assertProblem(Http.post(observatory, FakeObservatory.DECLARATIONS_PATH, "application/json", good, Duration.ofSeconds(5)),
                415, "unsupported-media-type");
        assertProblem(Http.post(observatory, FakeObservatory.DECLARATIONS_PATH, Jws.MEDIA_TYPE, new byte[SignedBodies.MAX_BYTES + 1],
                Duration.ofSeconds(5)), 413, "payload-too-large");
        assertProblem(Http.get(observatory, FakeObservatory.DECLARATIONS_PATH), 405, "method-not-allowed");
        assertProblem(Http.get(observatory, "/api/v1/nothing-here"), 404, "not-found");
        assertThat(Http.post(observatory, FakeObservatory.DECLARATIONS_PATH, "application/jose; charset=US-ASCII", good,
                Duration.ofSeconds(5)).statusCode()).isEqualTo(201);
    }

    @Test
    void aRevokedKeyCanNoLongerDeclareButWhatItDeclaredKeepsItsReceipt(FakeObservatory observatory) throws Exception {
        SigningKey key = SigningKey.generate();
        observatory.enrol(SampleDeclarations.NICE, key.publicJwk());
        String stored = Signed.declaration(key, SampleDeclarations.first(MONDAY.minusWeeks(1)));
        HttpResponse<String> accepted = Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, stored);
        Declaration next = SampleDeclarations.declaration(2, accepted(accepted).declarationHash(), MONDAY);

        observatory.revoke(key.kid());

        assertProblem(Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, Signed.declaration(key, next)), 403, "key-revoked");
        HttpResponse<String> again = Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, stored);
        assertThat(again.statusCode()).as("a resubmission is owed its receipt, whatever happened to the key since").isEqualTo(200);
        assertThat(again.body()).isEqualTo(accepted.body());
    }

    @Test
    void theChainRulesAndIssuedAtAreTheReferenceServers(FakeObservatory observatory) throws Exception {
        Declaration first = SampleDeclarations.first(MONDAY.minusWeeks(2));
        Receipt firstReceipt = accepted(Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, Signed.declaration(NICE_KEY, first)));
        String firstHash = firstReceipt.declarationHash();

        assertProblem(submit(observatory, SampleDeclarations.declaration(3, firstHash, MONDAY)), 409, "sequence-gap");
        assertProblem(submit(observatory, SampleDeclarations.declaration(2, "sha256:" + "0".repeat(64), MONDAY)), 409, "chain-fork");
        assertProblem(submit(observatory, SampleDeclarations.declaration(2, firstHash, MONDAY.plusWeeks(1))), 422, "issued-in-future");
        assertProblem(submit(observatory, SampleDeclarations.declaration(2, firstHash, MONDAY.minusWeeks(20))), 422, "issued-too-long-ago");
        Receipt second = accepted(submit(observatory, SampleDeclarations.declaration(2, firstHash, MONDAY.minusWeeks(1))));
        assertProblem(submit(observatory, SampleDeclarations.declaration(2, firstHash, MONDAY)), 409, "stale-sequence");

        Map<?, ?> head = Http.json(Http.get(observatory, "/api/v1/declarants/210600888/chain-head"), Map.class);
        assertThat(head.get("sequence")).isEqualTo(2);
        assertThat(head.get("declarationHash")).isEqualTo(second.declarationHash());
        assertThat(Http.json(Http.get(observatory, "/api/v1/declarants/210600292/chain-head"), Map.class).get("sequence")).isEqualTo(0);
        assertThat(Http.json(Http.get(observatory, FakeObservatory.DECLARATIONS_PATH + "/" + first.id() + "/receipt"), Receipt.class))
                .isEqualTo(firstReceipt);
        assertProblem(Http.get(observatory, FakeObservatory.DECLARATIONS_PATH + "/" + Ids.uuidV7(NOW) + "/receipt"), 404, "not-found");
        assertProblem(Http.get(observatory, "/api/v1/declarants/123/chain-head"), 400, "invalid-parameter");
    }

    @Test
    void theLogGrowsConsistentlyAndServesItsKeyAndCheckpoint(FakeObservatory observatory) throws Exception {
        Declaration first = SampleDeclarations.first(MONDAY.minusWeeks(1));
        byte[] firstPayload = ProtocolJson.write(first);
        Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, Signed.declaration(NICE_KEY, firstPayload));
        Checkpoint before = Checkpoint.verify(
                Http.get(observatory, FakeObservatory.CHECKPOINT_PATH).body(), observatory.logKey());
        Declaration second = SampleDeclarations.declaration(2, Hashes.declarationHash(firstPayload), MONDAY);
        Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, Signed.declaration(NICE_KEY, second));

        Checkpoint after = Checkpoint.verify(
                observatory.signedCheckpoint(), NoteVerifier.parse(
                        Http.get(observatory, FakeObservatory.LOG_KEY_PATH).body()));

        assertThat(after.size()).isEqualTo(before.size() + 1);
        Map<?, ?> consistency = Http.json(Http.get(observatory, FakeObservatory.LOG_PATH + "/proofs/consistency?from=" + before.size()
                + "&to=" + after.size()), Map.class);
        MerkleProofs.verifyConsistency(before.size(), after.size(), before.rootHash(), after.rootHash(), hashes(consistency.get("proof")));
        long index = observatory.declarations().get(1).receipt().logIndex();
        Map<?, ?> inclusion = Http.json(Http.get(observatory, FakeObservatory.LOG_PATH + "/proofs/inclusion?index=" + index), Map.class);
        MerkleProofs.verifyInclusion(index, after.size(), MerkleHashes.leafHash(observatory.declarations().get(1).jws()
                .getBytes(StandardCharsets.US_ASCII)), hashes(inclusion.get("proof")), after.rootHash());
        assertProblem(Http.get(observatory, FakeObservatory.LOG_PATH + "/proofs/consistency?from=0"), 400, "invalid-log-range");
        assertProblem(Http.get(observatory, FakeObservatory.LOG_PATH + "/proofs/consistency?from=1&to=" + (after.size() + 1)),
                404, "beyond-log-size");
        assertThat(observatory.declarations()).extracting(r -> r.declaration().sequence()).containsExactly(1L, 2L);
    }

    private static HttpResponse<String> submit(FakeObservatory observatory, Declaration declaration) throws Exception {
        return Http.postJws(observatory, FakeObservatory.DECLARATIONS_PATH, Signed.declaration(NICE_KEY, declaration));
    }

    private static Receipt accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response, Receipt.class);
    }

    private static List<byte[]> hashes(Object base64List) {
        return ((List<?>) base64List).stream().map(h -> Base64.getDecoder().decode((String) h)).toList();
    }

    private record Refused(String what, String jws, int status, String slug) {
    }

    private static Declaration copy(Declaration d, UUID id, List<ActivityCount> activity) {
        return new Declaration(d.schema(), id, d.sequence(), d.previousHash(), d.issuedAt(), d.period(), d.declarant(), d.inventory(),
                activity, d.activeAgents(), d.incidents(), d.provenance());
    }

    private static byte[] withExtraField(byte[] payload) throws Exception {
        ObjectNode json = (ObjectNode) ProtocolJson.mapper().readTree(payload);
        json.put("agentEmail", "jeanne.martin@mairie-exemple.fr");
        return ProtocolJson.mapper().writeValueAsBytes(json);
    }

    private static byte[] withUnknownUsage(byte[] payload) throws Exception {
        ObjectNode json = (ObjectNode) ProtocolJson.mapper().readTree(payload);
        List<ActivityCount> activity = new ArrayList<>();
        activity.add(new ActivityCount("not-in-the-inventory", Service.FINANCE, ActionKind.PROMPT, 3));
        json.set("activity", ProtocolJson.mapper().valueToTree(activity));
        return ProtocolJson.mapper().writeValueAsBytes(json);
    }
}
