package fr.observatoire.ia.server.declaration;

/** A verified declaration with what the server computes from it, on its way to storage and the log. */
record Admitted(VerifiedDeclaration verified, long activityTotal) {
}
