package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.protocol.messages.ProblemType;

import java.util.UUID;

/** Declaration ids in URLs: a bad one is a 400 that says so, an unknown one a 404. */
final class DeclarationIds {
    private DeclarationIds() {
    }

    static UUID parse(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ApiProblem(ProblemType.INVALID_PARAMETER, "'" + id + "' is not a declaration id (a UUID)");
    }

    static ApiProblem notFound(UUID id) {
        return new ApiProblem(ProblemType.NOT_FOUND, "no declaration " + id + " was accepted by this observatory");
    }
}
