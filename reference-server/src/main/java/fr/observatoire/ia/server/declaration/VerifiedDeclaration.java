package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.server.enrolment.EnrolledKeySignatures;

/**
 * A declaration whose signature, shape and signer all passed: what may be stored.
 *
 * @param jws         the compact JWS as received, kept so that anyone can verify it again later (the payload is
 *                    stored only there)
 * @param payloadHash {@code sha256:} hash of the payload bytes (the chain hash)
 * @param declaration the decoded payload
 * @param key         the enrolled key that signed it (its state is checked later, under the log's lock)
 */
record VerifiedDeclaration(String jws, String payloadHash, Declaration declaration, EnrolledKeySignatures.Signer key) {
}
