package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.protocol.messages.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/**
 * issuedAt, the collectivité's claim of when it signed, must be plausible on first submission: not
 * ahead of our clock by more than the allowed skew, not older than the allowed age. A resubmission of a
 * stored declaration is never checked again: its receipt is owed whatever its age. The period itself
 * may not be over yet (a collectivité may close a period early).
 */
@ApplicationScoped
public class IssuedAtPolicy {
    private final Duration maxFutureSkew;
    private final Duration maxAge;

    @Inject
    IssuedAtPolicy(DeclarationConfig config) {
        this(config.maxFutureSkew(), config.maxAge());
    }

    IssuedAtPolicy(Duration maxFutureSkew, Duration maxAge) {
        this.maxFutureSkew = maxFutureSkew;
        this.maxAge = maxAge;
    }

    void check(Instant issuedAt, Instant now) {
        if (issuedAt.isAfter(now.plus(maxFutureSkew))) {
            throw new ApiProblem(ProblemType.ISSUED_IN_FUTURE, "issuedAt " + issuedAt + " is ahead of the observatory's clock (" + now
                    + ") by more than " + maxFutureSkew + " (observatoire.declaration.max-future-skew); check the clock of the signing host");
        }
        if (issuedAt.isBefore(now.minus(maxAge))) {
            throw new ApiProblem(ProblemType.ISSUED_TOO_LONG_AGO, "issuedAt " + issuedAt + " is older than " + maxAge
                    + " (observatoire.declaration.max-age); this declaration can no longer be accepted, contact the observatory");
        }
    }
}
