package fr.observatoire.ia.testkit;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.jose.ParsedJws;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.protocol.schema.DeclarationSchema;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/declarations}, checked in the order of docs/problems.md: envelope, type, algorithm, key,
 * signature, JSON, schema and model, signer; then the {@link Ledger} admits it against what it holds. Nothing is trusted from the
 * header but the {@code kid}, and that only to find the key: the algorithm is the enrolled key's, and the key must
 * belong to the declarant the signed payload names.
 */
final class DeclarationEndpoint {
    private final Registry registry;
    private final Ledger ledger;

    DeclarationEndpoint(Registry registry, Ledger ledger) {
        this.registry = registry;
        this.ledger = ledger;
    }

    HttpAnswer handle(byte[] body, String contentType, Instant now) {
        SignedBodies.SignedRequest request = SignedBodies.parse(body, contentType, Jws.TYP_DECLARATION);
        ParsedJws jws = request.jws();
        if (!ParsedJws.ED25519_ALGORITHMS.contains(jws.alg())) {
            // Before the key lookup, so that 'none' or HMAC reach nothing else.
            throw new Refusal(ProblemType.ALGORITHM_NOT_ACCEPTED, "the JWS 'alg' is '" + jws.alg()
                    + "'; declarations are signed with Ed25519 ('EdDSA' or 'Ed25519')");
        }
        String kid = jws.kid().orElseThrow(() -> new Refusal(ProblemType.MALFORMED_JWS,
                "a declaration JWS names its signing key in the 'kid' header (the key's RFC 7638 thumbprint)"));
        Registry.Key key = registry.key(kid).orElseThrow(() -> new Refusal(ProblemType.UNKNOWN_KEY,
                "no enrolled key has the kid '" + kid + "'; enrol the key first"));
        try {
            jws.verify(key.publicKey());
        } catch (JwsException e) {
            throw Refusal.of(e);
        }
        Declaration declaration = content(jws.payload());
        if (!key.siren().equals(declaration.declarant().siren())) {
            throw new Refusal(ProblemType.KEY_DECLARANT_MISMATCH, "the key " + kid + " is enrolled for SIREN " + key.siren()
                    + ", but the declaration is made for SIREN " + declaration.declarant().siren());
        }
        // What depends on the observatory's state (duplicates, the key's state, issuedAt, the chain) is the ledger's.
        Ledger.Acceptance acceptance = ledger.accept(request.compact(), jws.payload(), declaration, key, now);
        return HttpAnswer.json(acceptance.created() ? 201 : 200, acceptance.received().receipt())
                .withHeader("Location", FakeObservatory.DECLARATIONS_PATH + "/" + declaration.id());
    }

    /**
     * The payload against the published JSON Schema and then the Java model: a client in another language is held
     * to the schema, and the model adds the rules a schema cannot say (usages referred to exist, Luhn keys).
     */
    private static Declaration content(byte[] payload) {
        SignedBodies.requireJson(payload);
        List<String> violations = DeclarationSchema.violations(payload);
        if (!violations.isEmpty()) {
            throw new Refusal(ProblemType.INVALID_DECLARATION, "the declaration does not follow declaration-v1.schema.json: "
                    + String.join("; ", violations));
        }
        return SignedBodies.read(payload, Declaration.class, ProblemType.INVALID_DECLARATION);
    }
}
