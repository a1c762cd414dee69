package fr.observatoire.ia.server.keys;

/** Body of an administrator's revocation. {@code reason} is required and public: it goes into the log. */
public record AdminRevocationRequest(String reason) {
}
