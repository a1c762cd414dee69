package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.server.enrolment.EnrolledKeySignatures;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.web.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks what a declaration says about itself, in the order of docs/problems.md: the JWS (envelope,
 * type, algorithm, key, signature), its content, and that the key belongs to the declarant the signed
 * payload names. What depends on the observatory's state (duplicates, the key's state, the chain) is
 * decided later, under the log's lock ({@link BatchAdmission}). Runs on the request's thread:
 * signature checks spread over every core.
 */
@ApplicationScoped
public class DeclarationVerifier {
    private final EnrolledKeySignatures signatures;

    @Inject
    DeclarationVerifier(EnrolledKeySignatures signatures) {
        this.signatures = signatures;
    }

    VerifiedDeclaration verify(String compactJws) {
        EnrolledKeySignatures.KeySigned signed = signatures.verify(compactJws, Jws.TYP_DECLARATION);
        byte[] payload = signed.jws().payload();
        JsonBodies.requireUtf8(payload);
        Declaration declaration = JsonBodies.readUtf8(payload, Declaration.class, ProblemType.INVALID_DECLARATION);
        if (!signed.signer().siren().equals(declaration.declarant().siren())) {
            throw new ApiProblem(ProblemType.KEY_DECLARANT_MISMATCH, "the key " + signed.signer().kid() + " is enrolled for SIREN "
                    + signed.signer().siren() + ", but the declaration is made for SIREN " + declaration.declarant().siren());
        }
        return new VerifiedDeclaration(compactJws, Hashes.declarationHash(payload), declaration, signed.signer());
    }
}
