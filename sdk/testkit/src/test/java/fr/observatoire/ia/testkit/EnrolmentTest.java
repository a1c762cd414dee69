package fr.observatoire.ia.testkit;

import fr.observatoire.ia.protocol.jose.Base64Url;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.EnrolmentRequest;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.protocol.testing.SampleDeclarations;
import fr.observatoire.ia.protocol.tlog.NoteVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/enrolments: proof of possession of the key, with the one-time code, under the reference server's rules. */
class EnrolmentTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));

    @RegisterExtension
    final FakeObservatoryExtension extension = new FakeObservatoryExtension(FakeObservatory.builder().clock(clock));

    @Test
    void aKeyProvedWithAnIssuedCodeIsEnrolledAndTheSameRequestAgainGetsTheSameAnswer(FakeObservatory observatory) throws Exception {
        String code = observatory.issueEnrolmentCode(SampleDeclarations.NICE);
        SigningKey key = SigningKey.generate();
        String jws = Signed.enrolment(key, "210600888", code);

        HttpResponse<String> first = Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH, jws);
        HttpResponse<String> again = Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH, jws);

        assertThat(first.statusCode()).isEqualTo(201);
        EnrolmentResponse response = Http.json(first, EnrolmentResponse.class);
        assertThat(response.siren()).isEqualTo("210600888");
        assertThat(response.kid()).isEqualTo(key.kid());
        assertThat(response.enrolledAt()).isEqualTo(clock.instant());
        assertThat(response.declarationsUrl()).isEqualTo(observatory.baseUrl() + FakeObservatory.DECLARATIONS_PATH);
        assertThat(NoteVerifier.parse(response.logKey()).vkey()).isEqualTo(observatory.logKey().vkey());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(observatory.sirenOf(key.kid())).contains("210600888");
    }

    @Test
    void aCodeEnrolsOneKeyOnly(FakeObservatory observatory) throws Exception {
        String code = observatory.issueEnrolmentCode(SampleDeclarations.NICE);
        Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH, Signed.enrolment(SigningKey.generate(), "210600888", code));

        HttpResponse<String> other = Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH,
                Signed.enrolment(SigningKey.generate(), "210600888", code));

        assertProblem(other, 409, "enrolment-code-used");
    }

    @Test
    void unknownSupersededExpiredAndForeignCodesAreRefused(FakeObservatory observatory) throws Exception {
        String old = observatory.issueEnrolmentCode(SampleDeclarations.NICE);
        String current = observatory.issueEnrolmentCode(SampleDeclarations.NICE);

        assertProblem(enrol(observatory, SigningKey.generate(), "210600888", "ABCD-EFGH-JKLM-NPQR"), 403, "enrolment-code-invalid");
        assertProblem(enrol(observatory, SigningKey.generate(), "210600888", old), 403, "enrolment-code-invalid");
        assertProblem(enrol(observatory, SigningKey.generate(), "200039915", current), 403, "enrolment-code-invalid");
        clock.advance(Duration.ofDays(15));
        assertProblem(enrol(observatory, SigningKey.generate(), "210600888", current), 410, "enrolment-code-expired");
        assertThat(observatory.refusals()).hasSize(4);
    }

    @Test
    void aLowOrderKeyIsRefusedAsWeak(FakeObservatory observatory) throws Exception {
        String code = observatory.issueEnrolmentCode(SampleDeclarations.NICE);
        byte[] identityPoint = new byte[32];
        identityPoint[0] = 1;
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("typ", Jws.TYP_ENROLMENT);
        header.put("jwk", Map.of("kty", "OKP", "crv", "Ed25519", "x", Base64Url.encode(identityPoint)));

        HttpResponse<String> response = Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH, Signed.withHeader(SigningKey.generate(),
                header, ProtocolJson.write(new EnrolmentRequest("210600888", code, clock.instant()))));

        assertProblem(response, 400, "weak-key");
    }

    @Test
    void theProofMustBeSignedByTheEmbeddedKeyOfAnEnrolmentJws(FakeObservatory observatory) throws Exception {
        String code = observatory.issueEnrolmentCode(SampleDeclarations.NICE);
        SigningKey key = SigningKey.generate();
        byte[] payload = ProtocolJson.write(new EnrolmentRequest("210600888", code, clock.instant()));
        Map<String, Object> embeddingAnotherKey = new LinkedHashMap<>();
        embeddingAnotherKey.put("alg", "EdDSA");
        embeddingAnotherKey.put("typ", Jws.TYP_ENROLMENT);
        embeddingAnotherKey.put("jwk", SigningKey.generate().publicJwk().toJwk());

        assertProblem(Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH, Signed.withHeader(key, embeddingAnotherKey, payload)),
                403, "signature-invalid");
        assertProblem(Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH, Jws.sign(key, Jws.TYP_ENROLMENT, payload)),
                400, "malformed-jws");
        assertProblem(Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH, Jws.signWithEmbeddedKey(key, Jws.TYP_DECLARATION, payload)),
                400, "wrong-jws-type");
        assertProblem(Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH, Jws.signWithEmbeddedKey(key, Jws.TYP_ENROLMENT,
                Signed.utf8("{\"siren\":\"210600888\"}"))), 422, "invalid-enrolment-request");
        assertProblem(Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH, Jws.signWithEmbeddedKey(key, Jws.TYP_ENROLMENT,
                Signed.utf8("not json"))), 400, "malformed-json");
        assertThat(observatory.sirenOf(key.kid())).as("no refused request enrolled the key").isEmpty();
    }

    private static HttpResponse<String> enrol(FakeObservatory observatory, SigningKey key, String siren, String code) throws IOException {
        return Http.postJws(observatory, FakeObservatory.ENROLMENTS_PATH, Signed.enrolment(key, siren, code));
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.problem(response).slug()).isEqualTo(slug);
        assertThat(Http.problem(response).status()).isEqualTo(status);
        assertThat(Http.problem(response).detail()).isNotBlank();
    }
}
