package fr.observatoire.ia.testkit;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.merkle.MerkleHashes;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.protocol.testing.SampleDeclarations;
import fr.observatoire.ia.protocol.tlog.Checkpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static fr.observatoire.ia.testkit.EnrolmentTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/keys/rotations and /api/v1/keys/revocations: both keys sign a rollover, a key revokes itself, and the
 * declarations that follow are admitted or refused by the key's state, as on the reference server.
 */
class KeyLifecycleTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-16");
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String NICE = SampleDeclarations.NICE.siren();

    @RegisterExtension
    final FakeObservatoryExtension extension = new FakeObservatoryExtension(FakeObservatory.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)));

    private final SigningKey current = SigningKey.generate();
    private final SigningKey next = SigningKey.generate();
    private FakeObservatory observatory;
    private Receipt first;
    private String firstJws;

    @BeforeEach
    void enrolAndDeclareOnce(FakeObservatory observatory) throws Exception {
        this.observatory = observatory;
        observatory.enrol(SampleDeclarations.NICE, current.publicJwk());
        firstJws = Signed.declaration(current, SampleDeclarations.first(MONDAY.minusWeeks(1)));
        first = accepted(post(FakeObservatory.DECLARATIONS_PATH, firstJws));
    }

    @Test
    void aRolloverSignedByBothKeysRetiresTheOldKeyAndTheNewOneContinuesTheChain() throws Exception {
        String rotation = Signed.rotation(current, next, NICE, current.kid());
        long sizeBefore = logSize();

        HttpResponse<String> rotated = post(FakeObservatory.KEY_ROTATIONS_PATH, rotation);
        HttpResponse<String> again = post(FakeObservatory.KEY_ROTATIONS_PATH, rotation);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        KeyRotation.Response response = Http.json(rotated, KeyRotation.Response.class);
        assertThat(response).isEqualTo(new KeyRotation.Response(NICE, current.kid(), next.kid(), NOW));
        assertThat(again.statusCode()).as("the same rollover again: its answer was lost").isEqualTo(200);
        assertThat(Http.json(again, KeyRotation.Response.class)).isEqualTo(response);
        assertThat(observatory.keyState(current.kid())).contains(KeyState.RETIRED);
        assertThat(observatory.replacedBy(current.kid())).contains(next.kid());
        assertThat(observatory.keyState(next.kid())).contains(KeyState.ACTIVE);
        assertThat(observatory.sirenOf(next.kid())).contains(NICE);
        assertThat(logSize()).as("the outer JWS is logged once").isEqualTo(sizeBefore + 1);
        assertThat(leafHash(sizeBefore)).isEqualTo(MerkleHashes.leafHash(rotation.getBytes(StandardCharsets.US_ASCII)));

        Declaration second = SampleDeclarations.declaration(2, first.declarationHash(), MONDAY);
        assertProblem(declare(current, second), 403, "key-retired");
        assertThat(accepted(declare(next, second)).sequence()).isEqualTo(2);
        assertThat(post(FakeObservatory.DECLARATIONS_PATH, firstJws).statusCode())
                .as("what the retired key signed keeps its receipt").isEqualTo(200);
        Map<?, ?> status = Http.json(Http.get(observatory, FakeObservatory.KEYS_PATH + "/" + current.kid()), Map.class);
        assertThat(status.get("state")).isEqualTo("RETIRED");
        assertThat(status.get("replacedBy")).isEqualTo(next.kid());
    }

    @Test
    void aRolloverMustBeSignedByBothKeysAndAgreeWithItself() throws Exception {
        SigningKey stranger = SigningKey.generate();
        String inner = Jws.signWithEmbeddedKey(next, Jws.TYP_KEY_ROTATION,
                ProtocolJson.write(new KeyRotation.Inner(NICE, current.kid(), NOW)));
        Map<String, Object> innerHeader = new LinkedHashMap<>();
        innerHeader.put("alg", "EdDSA");
        innerHeader.put("typ", Jws.TYP_KEY_ROTATION);
        innerHeader.put("jwk", next.publicJwk().toJwk());
        String innerByAnother = Signed.withHeader(stranger, innerHeader, ProtocolJson.write(new KeyRotation.Inner(NICE, current.kid(), NOW)));

        assertProblem(post(FakeObservatory.KEY_ROTATIONS_PATH, Signed.rotation(stranger, next, NICE, current.kid())), 403, "unknown-key");
        assertProblem(post(FakeObservatory.KEY_ROTATIONS_PATH, outer(current, innerByAnother)), 403, "signature-invalid");
        assertProblem(post(FakeObservatory.KEY_ROTATIONS_PATH, Signed.rotation(current, next, NICE, stranger.kid())), 422,
                "key-rotation-mismatch");
        assertProblem(post(FakeObservatory.KEY_ROTATIONS_PATH, Signed.rotation(current, next, "200039915", current.kid())), 422,
                "key-rotation-mismatch");
        assertProblem(post(FakeObservatory.KEY_ROTATIONS_PATH, Signed.rotation(current, current, NICE, current.kid())), 409,
                "key-already-enrolled");
        assertProblem(post(FakeObservatory.KEY_ROTATIONS_PATH, Jws.sign(current, Jws.TYP_KEY_ROTATION, Signed.utf8("{}"))), 422,
                "invalid-key-rotation");
        assertProblem(post(FakeObservatory.KEY_ROTATIONS_PATH, Jws.sign(current, Jws.TYP_DECLARATION,
                ProtocolJson.write(new KeyRotation.Request(inner)))), 400, "wrong-jws-type");
        assertThat(observatory.keyState(current.kid())).contains(KeyState.ACTIVE);
        assertThat(observatory.keyState(next.kid())).as("no refused rollover enrolled the new key").isEmpty();

        observatory.revoke(current.kid());
        assertProblem(post(FakeObservatory.KEY_ROTATIONS_PATH, Signed.rotation(current, next, NICE, current.kid())), 403, "key-revoked");
    }

    @Test
    void aKeyRevokesItselfThenSignsNothingNewButKeepsItsReceipts() throws Exception {
        long sizeBefore = logSize();
        String revocation = Signed.revocation(current, NICE, current.kid(), "poste compromis");

        HttpResponse<String> revoked = post(FakeObservatory.KEY_REVOCATIONS_PATH, revocation);
        HttpResponse<String> again = post(FakeObservatory.KEY_REVOCATIONS_PATH, revocation);

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        Map<?, ?> status = Http.json(revoked, Map.class);
        assertThat(status.get("kid")).isEqualTo(current.kid());
        assertThat(status.get("state")).isEqualTo("REVOKED");
        assertThat(status.get("revokedBy")).isEqualTo("COLLECTIVITE");
        assertThat(status.get("revocationReason")).isEqualTo("poste compromis");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(logSize()).as("the revocation is logged once").isEqualTo(sizeBefore + 1);
        assertThat(leafHash(sizeBefore)).isEqualTo(MerkleHashes.leafHash(revocation.getBytes(StandardCharsets.US_ASCII)));
        assertThat(observatory.keyState(current.kid())).contains(KeyState.REVOKED);
        assertThat(observatory.revocationReason(current.kid())).contains("poste compromis");

        assertProblem(declare(current, SampleDeclarations.declaration(2, first.declarationHash(), MONDAY)), 403, "key-revoked");
        assertThat(post(FakeObservatory.DECLARATIONS_PATH, firstJws).statusCode()).isEqualTo(200);
        assertProblem(post(FakeObservatory.KEY_ROTATIONS_PATH, Signed.rotation(current, next, NICE, current.kid())), 403, "key-revoked");
        assertThat(Http.json(Http.get(observatory, FakeObservatory.KEYS_PATH + "/" + current.kid()), Map.class).get("state"))
                .isEqualTo("REVOKED");
    }

    @Test
    void aRevocationIsSignedByTheKeyOrAnotherActiveKeyOfTheSameSiren() throws Exception {
        SigningKey cannes = SigningKey.generate();
        observatory.enrol(new fr.observatoire.ia.model.Declarant(fr.observatoire.ia.model.DeclarantKind.COMMUNE, "210600292", "06029",
                null, "Cannes"), cannes.publicJwk());

        assertProblem(post(FakeObservatory.KEY_REVOCATIONS_PATH, Signed.revocation(cannes, NICE, current.kid(), null)), 403,
                "key-declarant-mismatch");
        assertProblem(post(FakeObservatory.KEY_REVOCATIONS_PATH, Signed.revocation(cannes, "210600292", current.kid(), null)), 403,
                "key-declarant-mismatch");
        assertProblem(post(FakeObservatory.KEY_REVOCATIONS_PATH, Signed.revocation(current, NICE, current.kid(), "x".repeat(501))), 422,
                "invalid-key-revocation");
        assertProblem(post(FakeObservatory.KEY_REVOCATIONS_PATH, Jws.sign(current, Jws.TYP_KEY_REVOCATION,
                Signed.utf8("{\"siren\":\"" + NICE + "\"}"))), 422, "invalid-key-revocation");
        assertProblem(post(FakeObservatory.KEY_REVOCATIONS_PATH, Signed.revocation(current, NICE, SigningKey.generate().kid(), null)), 403,
                "unknown-key");
        assertThat(observatory.keyState(current.kid())).contains(KeyState.ACTIVE);

        // Rotated out, the old key may still revoke itself, but not the key that replaced it.
        assertThat(post(FakeObservatory.KEY_ROTATIONS_PATH, Signed.rotation(current, next, NICE, current.kid())).statusCode()).isEqualTo(201);
        assertProblem(post(FakeObservatory.KEY_REVOCATIONS_PATH, Signed.revocation(current, NICE, next.kid(), null)), 403, "key-retired");
        assertThat(post(FakeObservatory.KEY_REVOCATIONS_PATH, Signed.revocation(current, NICE, current.kid(), null)).statusCode())
                .isEqualTo(200);
        assertThat(post(FakeObservatory.KEY_REVOCATIONS_PATH, Signed.revocation(next, NICE, next.kid(), null)).statusCode()).isEqualTo(200);
        assertThat(observatory.keyState(next.kid())).contains(KeyState.REVOKED);
        assertThat(observatory.revocationReason(next.kid())).isEmpty();
    }

    private HttpResponse<String> post(String path, String jws) throws Exception {
        return Http.postJws(observatory, path, jws);
    }

    private HttpResponse<String> declare(SigningKey key, Declaration declaration) throws Exception {
        return post(FakeObservatory.DECLARATIONS_PATH, Signed.declaration(key, declaration));
    }

    private static String outer(SigningKey key, String inner) {
        return Jws.sign(key, Jws.TYP_KEY_ROTATION, ProtocolJson.write(new KeyRotation.Request(inner)));
    }

    private static Receipt accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Receipt receipt = Http.json(response, Receipt.class);
        assertThat(receipt.declarationHash()).startsWith("sha256:");
        return receipt;
    }

    private long logSize() throws Exception {
        return Checkpoint.verify(observatory.signedCheckpoint(), observatory.logKey()).size();
    }

    private byte[] leafHash(long index) throws Exception {
        Map<?, ?> proof = Http.json(Http.get(observatory, FakeObservatory.LOG_PATH + "/proofs/inclusion?index=" + index), Map.class);
        return Base64.getDecoder().decode((String) proof.get("leafHash"));
    }
}
