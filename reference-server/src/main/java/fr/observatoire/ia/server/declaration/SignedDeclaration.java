package fr.observatoire.ia.server.declaration;

/** A declaration's metadata and its compact JWS, exactly as received (admin only for now). */
public record SignedDeclaration(DeclarationSummary declaration, String previousHash, String jws) {
}
