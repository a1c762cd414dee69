package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;

/** The refusal of a key that may not sign new messages, with what the collectivité should do. */
public final class KeyStates {
    private KeyStates() {
    }

    public static void requireActive(EnrolledKey key) {
        requireActive(key.lifecycle());
    }

    public static void requireActive(KeyLifecycle key) {
        switch (key.state()) {
            case ACTIVE -> {
            }
            case RETIRED -> throw new ApiProblem(ProblemType.KEY_RETIRED, "the key " + key.kid() + " was retired"
                    + (key.retirement() == null ? "" : " on " + key.retirement().at() + " for the key " + key.retirement().replacedBy())
                    + "; sign with the collectivité's current key");
            case REVOKED -> throw new ApiProblem(ProblemType.KEY_REVOKED, "the key " + key.kid() + " was revoked"
                    + (key.revocation() == null ? "" : " on " + key.revocation().at() + " by the "
                    + (key.revocation().by() == KeyActor.OBSERVATORY ? "observatory" : "collectivité"))
                    + "; sign with the collectivité's current key, or ask the observatory for a new enrolment code");
        }
    }
}
