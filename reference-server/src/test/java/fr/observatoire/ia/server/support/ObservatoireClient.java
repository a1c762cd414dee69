package fr.observatoire.ia.server.support;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.EnrolmentRequest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The calls a collectivité and the admin make, over real HTTP. */
public final class ObservatoireClient {
    public static final String ADMIN_TOKEN = "test-admin-token";

    private ObservatoireClient() {
    }

    /** A collectivité registered, and its key enrolled. */
    public record Enrolled(Declarant declarant, SigningKey key) {
        public String siren() {
            return declarant.siren();
        }
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    public static Response register(Map<String, Object> body) {
        return admin().contentType("application/json").body(ProtocolJson.write(body)).post("/api/v1/admin/collectivites");
    }

    /** A commune's registration; its INSEE code is the referential's for that SIREN (any code when it has none). */
    public static Map<String, Object> commune(String siren, String name) {
        String insee = TestSirens.inseeOf(siren);
        return commune(siren, insee != null ? insee : "06" + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000)), name);
    }

    public static Map<String, Object> commune(String siren, String inseeCode, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "COMMUNE");
        body.put("siren", siren);
        body.put("inseeCode", inseeCode);
        body.put("name", name);
        body.put("population", 1200);
        return body;
    }

    /** Registers a commune and returns its first enrolment code. */
    public static String registerCommune(String siren, String name) {
        return registerCommune(commune(siren, name));
    }

    public static String registerCommune(Map<String, Object> commune) {
        Response response = register(commune);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("enrolmentCode");
    }

    public static String newEnrolmentCode(String siren) {
        Response response = admin().post("/api/v1/admin/collectivites/{siren}/enrolment-codes", siren);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("enrolmentCode");
    }

    public static String enrolmentJws(SigningKey key, String siren, String code) {
        return Jws.signWithEmbeddedKey(key, Jws.TYP_ENROLMENT, ProtocolJson.write(new EnrolmentRequest(siren, code, Instant.now())));
    }

    public static Response postJose(String path, String body) {
        // As bytes: RestAssured has no text encoder for application/jose.
        return given().contentType(Jws.MEDIA_TYPE).body(body.getBytes(StandardCharsets.ISO_8859_1)).post(path);
    }

    public static Response enrol(String jws) {
        return postJose("/api/v1/enrolments", jws);
    }

    public static Response submit(String jws) {
        return postJose("/api/v1/declarations", jws);
    }

    /** A fresh commune with a fresh enrolled key. */
    public static Enrolled enrolledCommune(String name) {
        String siren = TestSirens.random();
        Declarant declarant = new Declarant(DeclarantKind.COMMUNE, siren, TestSirens.inseeOf(siren), null, name);
        return enrol(declarant);
    }

    /** Registers {@code declarant} (a commune) and enrols a fresh key for it. */
    public static Enrolled enrol(Declarant declarant) {
        String code = registerCommune(commune(declarant.siren(), declarant.inseeCode(), declarant.name()));
        SigningKey key = SigningKey.generate();
        Response response = enrol(enrolmentJws(key, declarant.siren(), code));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return new Enrolled(declarant, key);
    }
}
