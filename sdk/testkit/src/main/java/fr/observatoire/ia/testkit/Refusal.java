package fr.observatoire.ia.testkit;

import fr.observatoire.ia.protocol.jose.JwsException;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.ProblemType;

/** A request the fake observatory refuses: thrown by the checks, answered as an RFC 9457 problem. */
final class Refusal extends RuntimeException {
    private final transient ProblemType type;

    Refusal(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    static Refusal of(JwsException e) {
        return new Refusal(ProblemType.of(e.reason()), e.getMessage());
    }

    Problem problem() {
        return type.problem(getMessage());
    }
}
